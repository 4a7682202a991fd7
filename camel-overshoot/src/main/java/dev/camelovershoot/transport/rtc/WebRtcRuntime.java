package dev.camelovershoot.transport.rtc;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;

/**
 * The process's WebRTC engine: one {@link PeerConnectionFactory} on a {@link HeadlessAudioDeviceModule}, created on
 * first use. The headless audio module is mandatory on servers: the default one aborts the whole JVM on a machine
 * without a sound device.
 *
 * <p>Ownership: the runtime owns the factory and the audio module. Everything created from the factory (peer
 * connections, tracks, {@link FrameBridge}s) belongs to its creator and must be closed before this runtime: peer
 * connections first (remove their senders' tracks, then close), then bridges, then the runtime.
 */
public final class WebRtcRuntime implements AutoCloseable {

    private HeadlessAudioDeviceModule audioModule;
    private PeerConnectionFactory factory;
    private boolean closed;

    /**
     * The factory, created on first call.
     *
     * @throws WebRtcUnavailableException when the native library or one of its system libraries cannot be loaded
     */
    public synchronized PeerConnectionFactory factory() {
        if (closed) {
            throw new IllegalStateException("the WebRTC runtime is closed");
        }
        if (factory == null) {
            create();
        }
        return factory;
    }

    /** A bridge feeding frames into a new video track with this id; the caller closes it before this runtime. */
    public FrameBridge createFrameBridge(String trackId) {
        return new FrameBridge(factory(), trackId);
    }

    /** Disposes the factory, then the audio module (the order libwebrtc needs). Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (factory != null) {
            factory.dispose();
            factory = null;
        }
        if (audioModule != null) {
            audioModule.dispose();
            audioModule = null;
        }
    }

    private void create() {
        WebRtcNatives.load();
        HeadlessAudioDeviceModule module = new HeadlessAudioDeviceModule();
        try {
            factory = new PeerConnectionFactory(module);
            audioModule = module;
        } catch (RuntimeException e) {
            module.dispose();
            throw new WebRtcUnavailableException("could not create the WebRTC peer connection factory: " + e.getMessage(), e);
        }
    }
}
