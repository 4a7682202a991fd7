package dev.camelovershoot.transport;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpCodecCapability;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCRtpTransceiverInit;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.MediaType;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A send-only peer connection carrying one video track: the media half of every transport. The track belongs to the
 * caller (a frame bridge that outlives reconnects); this peer only removes it from its connection when it closes.
 * Remote candidates that arrive before the answer are queued, as browsers do.
 */
public final class PublisherPeer implements BridgedTransport.Connection {

    /** What the peer reports, in order, on one thread of its own (never libwebrtc's). */
    public interface Listener {
        void onLocalCandidate(RTCIceCandidate candidate);

        void onConnectionChange(RTCPeerConnectionState state);
    }

    /**
     * webrtc-java calls observers on libwebrtc's signalling thread, which our own calls into the peer connection
     * (such as addIceCandidate) wait for: continuations run here instead, so they can never deadlock with those.
     */
    private static final Executor CALLBACKS = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "webrtc-callbacks");
        t.setDaemon(true);
        return t;
    });

    private final RTCPeerConnection pc;
    private final RTCRtpTransceiver transceiver;
    private final List<RTCIceCandidate> earlyCandidates = new ArrayList<>();
    private final CompletableFuture<Void> gathered = new CompletableFuture<>();
    private boolean remoteSet;
    private boolean closed;

    /**
     * @param track the video to send; its id is what LiveKit matches to the {@code add_track} client id
     * @param codec {@code vp8} or {@code h264}: preferred first in the offer
     */
    public PublisherPeer(PeerConnectionFactory factory, List<RTCIceServer> iceServers, VideoTrack track, String codec,
                         Listener listener) {
        List<RTCRtpCodecCapability> codecs = preferring(factory, codec);
        RTCConfiguration config = new RTCConfiguration();
        config.iceServers = new ArrayList<>(iceServers);
        this.pc = factory.createPeerConnection(config, observer(listener));
        RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
        init.direction = RTCRtpTransceiverDirection.SEND_ONLY;
        init.streamIds = List.of(track.getId() + "-stream");
        RTCRtpTransceiver added = null;
        try {
            added = pc.addTransceiver(track, init);
            added.setCodecPreferences(codecs);
        } catch (RuntimeException | Error e) {
            // nobody else holds the connection yet: release it here, or every failed (re)join leaks one
            release(pc, added);
            rethrowIfFatal(e);
            // webrtc-java reports a refused codec list as an Error; for our callers it is a failed connection attempt
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
        this.transceiver = added;
    }

    /** Creates an offer and applies it locally; its candidates follow through the listener (trickle ICE). */
    public CompletableFuture<String> offer(boolean iceRestart) {
        RTCOfferOptions options = new RTCOfferOptions();
        options.iceRestart = iceRestart;
        CompletableFuture<RTCSessionDescription> created = new CompletableFuture<>();
        pc.createOffer(options, new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                CALLBACKS.execute(() -> created.complete(description));
            }

            @Override
            public void onFailure(String error) {
                CALLBACKS.execute(() -> created.completeExceptionally(
                        new IllegalStateException("createOffer failed: " + error)));
            }
        });
        return created.thenCompose(offer -> apply(offer, true).thenApply(v -> offer.sdp));
    }

    /** An offer with every candidate inside, for signalling without trickle (legacy Overshoot WebRTC). */
    public CompletableFuture<String> offerWithCandidates() {
        return offer(false).thenCompose(sdp -> gathered).thenApply(v -> pc.getLocalDescription().sdp);
    }

    public CompletableFuture<Void> applyAnswer(String sdp) {
        return apply(new RTCSessionDescription(RTCSdpType.ANSWER, sdp), false).thenRun(this::flushCandidates);
    }

    public synchronized void addRemoteCandidate(RTCIceCandidate candidate) {
        if (remoteSet) {
            pc.addIceCandidate(candidate);
        } else {
            earlyCandidates.add(candidate);
        }
    }

    /** Replaces the ICE servers (TURN credentials handed out by the service); used by later ICE gathering. */
    public void useIceServers(List<RTCIceServer> servers) {
        RTCConfiguration config = pc.getConfiguration();
        config.iceServers = new ArrayList<>(servers);
        pc.setConfiguration(config);
    }

    public RTCPeerConnectionState state() {
        return pc.getConnectionState();
    }

    /** Removes the track from the connection, then closes it: the track can then be disposed. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        release(pc, transceiver);
    }

    /** Takes the track out first: libwebrtc refuses to delete a track that a connection still sends. */
    private static void release(RTCPeerConnection pc, RTCRtpTransceiver transceiver) {
        if (transceiver != null) {
            pc.removeTrack(transceiver.getSender());
        }
        pc.close();
    }

    private synchronized void flushCandidates() {
        remoteSet = true;
        earlyCandidates.forEach(pc::addIceCandidate);
        earlyCandidates.clear();
    }

    private CompletableFuture<Void> apply(RTCSessionDescription description, boolean local) {
        CompletableFuture<Void> applied = new CompletableFuture<>();
        SetSessionDescriptionObserver observer = new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                CALLBACKS.execute(() -> applied.complete(null));
            }

            @Override
            public void onFailure(String error) {
                CALLBACKS.execute(() -> applied.completeExceptionally(new IllegalStateException(
                        "set" + (local ? "Local" : "Remote") + "Description failed: " + error)));
            }
        };
        try {
            if (local) {
                pc.setLocalDescription(description, observer);
            } else {
                pc.setRemoteDescription(description, observer);
            }
        } catch (Error e) {
            // webrtc-java throws a plain Error for an SDP it cannot parse: a failed attempt, not a dying thread
            rethrowIfFatal(e);
            applied.completeExceptionally(new IllegalStateException("set" + (local ? "Local" : "Remote")
                    + "Description failed: " + e.getMessage(), e));
        }
        return applied;
    }

    /** The JVM's own errors (out of memory, ...) are not webrtc-java refusing an input: let them through. */
    private static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError fatal) {
            throw fatal;
        }
    }

    private PeerConnectionObserver observer(Listener listener) {
        return new PeerConnectionObserver() {
            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {
                CALLBACKS.execute(() -> listener.onLocalCandidate(candidate));
            }

            @Override
            public void onIceGatheringChange(RTCIceGatheringState state) {
                if (state == RTCIceGatheringState.COMPLETE) {
                    CALLBACKS.execute(() -> gathered.complete(null));
                }
            }

            @Override
            public void onConnectionChange(RTCPeerConnectionState state) {
                CALLBACKS.execute(() -> listener.onConnectionChange(state));
            }
        };
    }

    /** The sender's codecs with the chosen one first; retransmission and FEC entries keep their place. */
    private static List<RTCRtpCodecCapability> preferring(PeerConnectionFactory factory, String codec) {
        String wanted = "video/" + codec.toLowerCase(Locale.ROOT);
        List<RTCRtpCodecCapability> all = factory.getRtpSenderCapabilities(MediaType.VIDEO).getCodecs();
        if (all.stream().noneMatch(c -> c.getMimeType().equalsIgnoreCase(wanted))) {
            throw new IllegalArgumentException("Codec '" + codec + "' is not available; use vp8 or h264");
        }
        List<RTCRtpCodecCapability> ordered = new ArrayList<>();
        all.stream().filter(c -> c.getMimeType().equalsIgnoreCase(wanted)).forEach(ordered::add);
        all.stream().filter(c -> !c.getMimeType().equalsIgnoreCase(wanted)).forEach(ordered::add);
        return ordered;
    }
}
