#!/usr/bin/env bash
# The main job. Until the demo route exists, it starts the Overshoot emulator so you can develop offline.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/prereqs.sh

jar=camel-overshoot-test-infra/target/overshoot-emulator.jar
if [ ! -f "$jar" ]; then
  echo "Building the Overshoot emulator (first run only) ..."
  mkdir -p build-logs
  mvn -B -ntp -q -pl camel-overshoot-test-infra -am package -DskipTests >build-logs/demo-build.log 2>&1 \
    || { tail -n 30 build-logs/demo-build.log >&2; fail "the build failed (log: build-logs/demo-build.log)"; }
fi
exec java -jar "$jar" --port "${OVERSHOOT_EMULATOR_PORT:-8080}" "$@"
