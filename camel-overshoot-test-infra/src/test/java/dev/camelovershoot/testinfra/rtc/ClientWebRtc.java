package dev.camelovershoot.testinfra.rtc;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;

/** The test clients' own WebRTC stack, separate from the runtime under test like a real client's would be. */
public final class ClientWebRtc implements AutoCloseable {

    private final HeadlessAudioDeviceModule audioModule = new HeadlessAudioDeviceModule();
    private final PeerConnectionFactory factory = new PeerConnectionFactory(audioModule);

    public TestVideoPublisher newPublisher(String trackId) {
        return new TestVideoPublisher(factory, trackId);
    }

    @Override
    public void close() {
        factory.dispose();
        audioModule.dispose();
    }
}
