package dev.camelovershoot.transport.rtc;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One end of a peer connection inside a test JVM, signalled directly with its counterpart: offer/answer and ICE
 * candidates are handed over in memory, no STUN or TURN. libwebrtc ignores loopback interfaces, so the two ends meet
 * on this machine's own non-loopback address.
 */
class TestPeer implements PeerConnectionObserver, AutoCloseable {

    static final long TIMEOUT_SECONDS = 10;

    final RTCPeerConnection connection;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final List<RTCIceCandidate> earlyCandidates = new ArrayList<>();
    private TestPeer counterpart;
    private boolean remoteDescriptionSet;

    TestPeer(PeerConnectionFactory factory) {
        connection = factory.createPeerConnection(new RTCConfiguration(), this);
    }

    /** Offer from {@code offerer}, answer from {@code answerer}, exchange candidates, wait until both are connected. */
    static void connect(TestPeer offerer, TestPeer answerer) throws Exception {
        offerer.counterpart = answerer;
        answerer.counterpart = offerer;
        RTCSessionDescription offer = describe(observer -> offerer.connection.createOffer(new RTCOfferOptions(), observer));
        apply(observer -> offerer.connection.setLocalDescription(offer, observer));
        answerer.acceptRemote(offer);
        RTCSessionDescription answer = describe(observer -> answerer.connection.createAnswer(new RTCAnswerOptions(), observer));
        apply(observer -> answerer.connection.setLocalDescription(answer, observer));
        offerer.acceptRemote(answer);
        CompletableFuture.allOf(offerer.connected, answerer.connected).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {
        counterpart.addCandidate(candidate);
    }

    @Override
    public void onConnectionChange(RTCPeerConnectionState state) {
        if (state == RTCPeerConnectionState.CONNECTED) {
            connected.complete(null);
        } else if (state == RTCPeerConnectionState.FAILED) {
            connected.completeExceptionally(new IllegalStateException("peer connection failed"));
        }
    }

    @Override
    public void close() {
        connection.close();
    }

    private void acceptRemote(RTCSessionDescription description) throws Exception {
        apply(observer -> connection.setRemoteDescription(description, observer));
        synchronized (this) {
            remoteDescriptionSet = true;
            earlyCandidates.forEach(connection::addIceCandidate);
            earlyCandidates.clear();
        }
    }

    /** Candidates may arrive before the remote description they belong to: keep them until it is set. */
    private synchronized void addCandidate(RTCIceCandidate candidate) {
        if (remoteDescriptionSet) {
            connection.addIceCandidate(candidate);
        } else {
            earlyCandidates.add(candidate);
        }
    }

    private static RTCSessionDescription describe(Consumer<CreateSessionDescriptionObserver> call) throws Exception {
        CompletableFuture<RTCSessionDescription> result = new CompletableFuture<>();
        call.accept(new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                result.complete(description);
            }

            @Override
            public void onFailure(String error) {
                result.completeExceptionally(new IllegalStateException(error));
            }
        });
        return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static void apply(Consumer<SetSessionDescriptionObserver> call) throws Exception {
        CompletableFuture<Void> result = new CompletableFuture<>();
        call.accept(new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                result.complete(null);
            }

            @Override
            public void onFailure(String error) {
                result.completeExceptionally(new IllegalStateException(error));
            }
        });
        result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
