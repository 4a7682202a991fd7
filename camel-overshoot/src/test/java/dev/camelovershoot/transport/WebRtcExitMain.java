package dev.camelovershoot.transport;

import dev.camelovershoot.transport.rtc.FrameBridge;
import dev.camelovershoot.transport.rtc.WebRtcRuntime;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import java.util.List;

/** A process that uses WebRTC the way a route does and releases it in order, then exits: for {@link WebRtcExitTest}. */
public final class WebRtcExitMain {

    private WebRtcExitMain() {
    }

    public static void main(String[] args) {
        WebRtcRuntime runtime = new WebRtcRuntime();
        FrameBridge bridge = runtime.createFrameBridge("TR_exit");
        PublisherPeer peer = new PublisherPeer(runtime.factory(), List.of(), bridge.track(), "vp8",
                new PublisherPeer.Listener() {
                    @Override
                    public void onLocalCandidate(RTCIceCandidate candidate) {
                    }

                    @Override
                    public void onConnectionChange(RTCPeerConnectionState state) {
                    }
                });
        peer.offer(false).join();
        peer.close();
        bridge.close();
        runtime.close();
        System.out.println("released");
    }
}
