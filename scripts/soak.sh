#!/usr/bin/env bash
# The long reliability run (docs/reliability.md): the chaos schedule with the full outages (emulator killed for 5 s,
# 45 s and 3 min, network blackholed for 60 s) and the soak at 640x480@15 with a fault every 3 minutes, then the
# figures: outages survived, return-to-result times, results lost while connected, and each sampled metric's slope
# per hour after the warm-up.
# Usage: scripts/soak.sh [soak minutes, default 60] [all|chaos|soak, default all]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/prereqs.sh

minutes=${1:-60}
case ${2:-all} in
  all) tests=ChaosTest,SoakTest ;;
  chaos) tests=ChaosTest ;;
  soak) tests=SoakTest ;;
  *) fail "usage: scripts/soak.sh [soak minutes] [all|chaos|soak]" ;;
esac
[[ $minutes =~ ^[0-9]+$ ]] && [ "$minutes" -ge 2 ] || fail "the soak needs a whole number of minutes, at least 2"

out=build-logs/reliability-$(date +%Y%m%d-%H%M%S)
mkdir -p "$out"
echo "Long reliability run ($tests, soak $minutes min); figures, samples and logs in $out ..."
status=0
mvn -B -ntp verify -pl camel-overshoot-reliability -am -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dreliability.profile=long -Dreliability.soak.seconds=$((minutes * 60)) -Dreliability.out="$PWD/$out" \
  >"$out/maven.log" 2>&1 || status=$?
cp camel-overshoot-reliability/target/surefire-reports/*-output.txt "$out/" 2>/dev/null || true

for figures in "$out/chaos-long.txt" "$out/soak-long.txt"; do
  [ -f "$figures" ] && { cat "$figures"; echo; }
done
if [ "$status" -ne 0 ]; then
  echo "RELIABILITY RUN FAILED (an assertion above, or see $out/maven.log)" >&2
  exit "$status"
fi
echo "RELIABILITY RUN PASSED"
