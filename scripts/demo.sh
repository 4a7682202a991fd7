#!/usr/bin/env bash
# The demo: builds what it needs (quietly, log in build-logs/demo-build.log), then streams a generated sample video
# through overshoot: (the embedded emulator unless OVERSHOOT_API_KEY is set; then OVERSHOOT_MODEL is required; API v1
# with OVERSHOOT_API_VERSION=v1 or --v1) into
# action events, and writes actions.json, actions.csv and timeline.png to demo-output/<timestamp>/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/prereqs.sh

jar=camel-overshoot-demo/target/camel-overshoot-demo.jar
mkdir -p build-logs
echo "Building the demo (quiet; log: build-logs/demo-build.log) ..."
mvn -B -ntp -q -pl camel-overshoot-demo -am package -DskipTests >build-logs/demo-build.log 2>&1 \
  || { tail -n 30 build-logs/demo-build.log >&2; fail "the build failed (log: build-logs/demo-build.log)"; }
exec java -jar "$jar" "$@"
