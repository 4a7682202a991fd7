package dev.camelovershoot.testinfra.rtc;

import dev.camelovershoot.testinfra.frames.I420Planes;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The legacy Overshoot transport: the client's offer SDP in, an answer SDP out, in one shot. There is no trickle ICE
 * in that API, so the answer waits for ICE gathering to complete (bounded) and carries every server candidate.
 * Legacy clients never reconnect: a connection that fails, or stays disconnected for the disconnect timeout, is lost.
 */
public final class LegacyWebRtcIngest {

    /** Gathering host candidates takes milliseconds; this bounds the wait on odd network setups. */
    public static final Duration DEFAULT_GATHER_TIMEOUT = Duration.ofSeconds(3);
    /** Rides out a network blip; a client that closed its connection is reported lost this long after. */
    public static final Duration DEFAULT_DISCONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Applying the offer and creating the answer, on top of gathering. */
    private static final Duration NEGOTIATION_MARGIN = Duration.ofSeconds(5);

    private final WebRtcRuntime runtime;
    private final Duration gatherTimeout;
    private final Duration disconnectTimeout;

    public LegacyWebRtcIngest(WebRtcRuntime runtime) {
        this(runtime, DEFAULT_GATHER_TIMEOUT, DEFAULT_DISCONNECT_TIMEOUT);
    }

    public LegacyWebRtcIngest(WebRtcRuntime runtime, Duration gatherTimeout, Duration disconnectTimeout) {
        this.runtime = runtime;
        this.gatherTimeout = gatherTimeout;
        this.disconnectTimeout = disconnectTimeout;
    }

    /**
     * Answers {@code offerSdp} and starts receiving its video track. Blocks for at most the gather timeout plus a few
     * seconds.
     *
     * @throws IllegalArgumentException when the offer has no video or WebRTC rejects it (a client error)
     * @throws IllegalStateException    when no answer could be produced in time
     */
    public LegacyWebRtcSession open(String offerSdp, LegacyIngestListener listener) {
        if (offerSdp == null || !offerSdp.contains("m=video")) {
            throw new IllegalArgumentException("offer SDP has no video section");
        }
        LossDetector detector = new LossDetector(listener, runtime.events(), disconnectTimeout);
        IngestPeer peer = runtime.openPeer(detector);
        detector.peer = peer;
        try {
            String answer = peer.answerWithAllCandidates(offerSdp, gatherTimeout)
                    .get(gatherTimeout.plus(NEGOTIATION_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
            return new LegacyWebRtcSession(peer, answer);
        } catch (ExecutionException e) {
            peer.close();
            throw new IllegalArgumentException("offer SDP rejected: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            peer.close();
            throw new IllegalStateException("no WebRTC answer within " + gatherTimeout.plus(NEGOTIATION_MARGIN), e);
        } catch (InterruptedException e) {
            peer.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while answering the offer", e);
        }
    }

    /**
     * Decides when media is gone for good, closes the peer and tells the stream once. State changes and the timer
     * both run on the runtime's single event thread, so no locking is needed.
     */
    private static final class LossDetector implements IngestListener {
        private final LegacyIngestListener listener;
        private final ScheduledExecutorService events;
        private final Duration disconnectTimeout;
        /** Set right after the peer is created, before any offer is applied (so before any state change). */
        private volatile IngestPeer peer;
        private ScheduledFuture<?> pendingLoss;
        private boolean lost;

        LossDetector(LegacyIngestListener listener, ScheduledExecutorService events, Duration disconnectTimeout) {
            this.listener = listener;
            this.events = events;
            this.disconnectTimeout = disconnectTimeout;
        }

        @Override
        public void onFrame(I420Planes frame) {
            listener.onFrame(frame);
        }

        @Override
        public void onConnectionState(IngestState state) {
            if (state.isTerminal()) {
                lose(state);
            } else if (state == IngestState.DISCONNECTED && pendingLoss == null) {
                pendingLoss = events.schedule(() -> lose(IngestState.DISCONNECTED), disconnectTimeout.toMillis(),
                        TimeUnit.MILLISECONDS);
            } else if (state == IngestState.CONNECTED && pendingLoss != null) {
                pendingLoss.cancel(false);
                pendingLoss = null;
            }
        }

        private void lose(IngestState state) {
            if (lost) {
                return;
            }
            lost = true;
            peer.close();
            listener.onConnectionLost(state);
        }
    }
}
