# Checks (and where possible installs) what the build needs on a fresh machine. Sourced by the other scripts.

fail() { echo "error: $*" >&2; exit 1; }

java_major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}')
[ -n "$java_major" ] || fail "Java 17 or newer is needed: install a JDK (Debian: apt-get install openjdk-17-jdk-headless)."
[ "${java_major%%.*}" -ge 17 ] || fail "Java 17 or newer is needed, found Java $java_major."
command -v mvn >/dev/null || fail "Apache Maven 3.8+ is needed (Debian: apt-get install maven)."

# Installs Debian/Ubuntu packages when root with apt-get, otherwise fails saying what to install.
# Usage: install_packages "what needs them" package...
install_packages() {
  why=$1; shift
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing $* ($why) ..."
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"; } \
      >/dev/null 2>&1 || fail "could not install $* ($why): apt-get install $*"
  else
    fail "$why: install the Debian/Ubuntu packages $* (sudo apt-get install $*)."
  fi
}

# webrtc-java's native library links libpulse.so.0 even when no sound is used. (No grep -q here: with
# pipefail, grep quitting early would fail the pipeline and misreport the library as missing.)
if ! ldconfig -p 2>/dev/null | grep 'libpulse\.so\.0' >/dev/null; then
  install_packages "libpulse.so.0 is missing; webrtc-java's native library needs it" libpulse0
fi

# Only for the tests (scripts/test.sh): the camera-rtsp example's test serves a video with GStreamer's RTSP server.
require_rtsp_test_server() {
  if ! /usr/bin/python3 examples/camera-rtsp/rtsp-server.py --check >/dev/null 2>&1; then
    install_packages "the camera-rtsp example's test needs GStreamer's RTSP server" \
      python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-good
  fi
}

# Only for the tests: BrowserClientsTest runs the official browser SDKs in Debian's headless Chromium. Where it
# cannot be installed (not root), that test is skipped, saying so.
require_browser() {
  if [ -x /usr/bin/chromium ]; then
    return
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    install_packages "the browser check runs the official browser SDKs in headless Chromium" chromium
  else
    echo "warning: /usr/bin/chromium is missing and cannot be installed here (not root): the browser check" \
      "(BrowserClientsTest) will be skipped; install it with: sudo apt-get install chromium" >&2
  fi
}
