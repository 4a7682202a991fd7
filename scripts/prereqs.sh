# Checks (and where possible installs) what the build needs on a fresh machine. Sourced by the other scripts.

fail() { echo "error: $*" >&2; exit 1; }

java_major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}')
[ -n "$java_major" ] || fail "Java 17 or newer is needed: install a JDK (Debian: apt-get install openjdk-17-jdk-headless)."
[ "${java_major%%.*}" -ge 17 ] || fail "Java 17 or newer is needed, found Java $java_major."
command -v mvn >/dev/null || fail "Apache Maven 3.8+ is needed (Debian: apt-get install maven)."

# webrtc-java's native library links libpulse.so.0 even when no sound is used. (No grep -q here: with
# pipefail, grep quitting early would fail the pipeline and misreport the library as missing.)
if ! ldconfig -p 2>/dev/null | grep 'libpulse\.so\.0' >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing libpulse0 (needed by webrtc-java's native library) ..."
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpulse0; } >/dev/null 2>&1 \
      || fail "could not install libpulse0; install the Debian/Ubuntu package libpulse0 (apt-get install libpulse0)."
  else
    fail "libpulse.so.0 is missing: install the Debian/Ubuntu package libpulse0 (sudo apt-get install libpulse0)."
  fi
fi
