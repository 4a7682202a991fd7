#!/usr/bin/python3
"""Serves the H.264 video of an MP4 file over RTSP with GStreamer's RTSP server, in real time, once per client.

    rtsp-server.py FILE [PORT [MOUNT]]   serve FILE at rtsp://<this host>:PORT/MOUNT (PORT 0: any free port)
    rtsp-server.py --check               tell whether GStreamer's RTSP server and the needed elements are installed

Prints the stream's URL once it listens. Debian/Ubuntu packages: python3-gi gir1.2-gst-rtsp-server-1.0
gstreamer1.0-plugins-good. RTP goes over the RTSP connection (TCP) or UDP, as the client asks.
"""
import sys

ELEMENTS = ("filesrc", "qtdemux", "rtph264pay")
PACKAGES = "python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-good"


def load_gstreamer():
    try:
        import gi
        gi.require_version("Gst", "1.0")
        gi.require_version("GstRtspServer", "1.0")
        from gi.repository import GLib, Gst, GstRtspServer
    except (ImportError, ValueError) as e:
        sys.exit(f"GStreamer's RTSP server is not installed ({e}): apt-get install {PACKAGES}")
    Gst.init(None)
    missing = [name for name in ELEMENTS if Gst.ElementFactory.find(name) is None]
    if missing:
        sys.exit(f"GStreamer elements missing: {', '.join(missing)}: apt-get install {PACKAGES}")
    return GLib, GstRtspServer


def serve(file, port, mount):
    GLib, GstRtspServer = load_gstreamer()
    factory = GstRtspServer.RTSPMediaFactory()
    # A new pipeline per client, played from the start in real time (the server's sink is synchronised).
    factory.set_launch(
        f'( filesrc location="{file}" ! qtdemux name=demux '
        'demux.video_0 ! queue ! rtph264pay name=pay0 pt=96 config-interval=1 )')
    server = GstRtspServer.RTSPServer()
    server.set_address("0.0.0.0")
    server.set_service(str(port))
    server.get_mount_points().add_factory("/" + mount, factory)
    server.attach(None)
    print(f"rtsp://127.0.0.1:{server.get_bound_port()}/{mount}", flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        load_gstreamer()
    elif 2 <= len(sys.argv) <= 4:
        serve(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 8554, sys.argv[3] if len(sys.argv) > 3 else "stream")
    else:
        sys.exit(__doc__)
