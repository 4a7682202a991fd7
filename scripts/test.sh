#!/usr/bin/env bash
# Runs every test of the project. This is the command CI runs (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/prereqs.sh
require_rtsp_test_server
require_browser

log=build-logs/test.log
mkdir -p build-logs
echo "Building and running all tests (full Maven log: $log) ..."
status=0
mvn -B -ntp verify "$@" >"$log" 2>&1 || status=$?

# Per-module Surefire totals are the "Tests run:" lines without a test class name.
grep -E '^\[(INFO|WARNING|ERROR)\] Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' "$log" \
  | awk -F'[:,] *' '{run+=$2; failed+=$4+$6; skipped+=$8}
        END {printf "Tests run: %d, Failures: %d, Errors: 0, Skipped: %d\n%d passed, %d failed, %d skipped\n",
             run, failed, skipped, run-failed-skipped, failed, skipped}'

if [ "$status" -ne 0 ]; then
  echo "BUILD FAILED. What Maven reported:" >&2
  grep -E '^\[ERROR\]' "$log" | grep -v -E 'To see the full stack|Re-run Maven|For more information|Help 1|^\[ERROR\] *$|-> \[Help' \
    | head -n 60 >&2
  exit "$status"
fi
echo "BUILD SUCCESS"
