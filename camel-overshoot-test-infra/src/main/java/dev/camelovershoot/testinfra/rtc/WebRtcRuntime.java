package dev.camelovershoot.testinfra.rtc;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's one WebRTC stack: a {@link PeerConnectionFactory} on a headless audio device module (the default
 * module aborts the JVM on machines without sound), the ingest peers made from it, and the thread their events are
 * delivered on. {@link #close()} closes every peer before the factory, the order libwebrtc needs.
 */
public final class WebRtcRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebRtcRuntime.class);

    private final HeadlessAudioDeviceModule audioModule;
    private final PeerConnectionFactory factory;
    private final ScheduledThreadPoolExecutor events;
    private final Set<IngestPeer> peers = ConcurrentHashMap.newKeySet();
    private boolean closed;

    private WebRtcRuntime(HeadlessAudioDeviceModule audioModule, PeerConnectionFactory factory) {
        this.audioModule = audioModule;
        this.factory = factory;
        this.events = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "webrtc-events");
            t.setDaemon(true);
            return t;
        });
        // At shutdown, pending timers (loss detection) are moot; queued events still run.
        events.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Loads the native library and creates the factory.
     *
     * @throws WebRtcUnavailableException when the native library cannot run here; the message says what to install
     */
    public static WebRtcRuntime start() {
        NativeWebRtc.ensureLoaded();
        HeadlessAudioDeviceModule audioModule = new HeadlessAudioDeviceModule();
        try {
            return new WebRtcRuntime(audioModule, new PeerConnectionFactory(audioModule));
        } catch (RuntimeException | Error e) {
            audioModule.dispose();
            throw e;
        }
    }

    /** A new server-side peer connection that answers offers and decodes the video it receives. */
    public synchronized IngestPeer openPeer(IngestListener listener) {
        if (closed) {
            throw new IllegalStateException("WebRTC runtime is closed");
        }
        IngestPeer peer = new IngestPeer(factory, listener, events, peers::remove);
        peers.add(peer);
        return peer;
    }

    /** The thread peers report events on; timers that act on those events run there too, in order with them. */
    ScheduledExecutorService events() {
        return events;
    }

    /** Peers opened and not yet closed. */
    public int openPeers() {
        return peers.size();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            new ArrayList<>(peers).forEach(WebRtcRuntime::closeQuietly);
            stopEvents();
            factory.dispose();
        } finally {
            audioModule.dispose();
        }
    }

    /** One peer failing to close must not keep the others and the factory from being released. */
    private static void closeQuietly(IngestPeer peer) {
        try {
            peer.close();
        } catch (RuntimeException e) {
            LOG.warn("peer connection did not close cleanly", e);
        }
    }

    private void stopEvents() {
        events.shutdown();
        try {
            if (!events.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("WebRTC event thread still busy at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
