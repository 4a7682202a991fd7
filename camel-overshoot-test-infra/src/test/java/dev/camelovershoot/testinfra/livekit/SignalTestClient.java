package dev.camelovershoot.testinfra.livekit;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import livekit.LivekitModels.ClientInfo;
import livekit.LivekitRtc.JoinRequest;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import livekit.LivekitRtc.WrappedJoinRequest;

/** A LiveKit signalling client at the protocol level, over the JDK's WebSocket: enough to drive the server in tests. */
final class SignalTestClient implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<SignalResponse> received = new ArrayList<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    /** Opens {@code /rtc/v1} with a join request and the token in the Authorization header (as rtc-node does). */
    static SignalTestClient v1(String baseUrl, String token, JoinRequest join) throws Exception {
        byte[] wrapped = WrappedJoinRequest.newBuilder()
                .setCompression(WrappedJoinRequest.Compression.NONE)
                .setJoinRequest(join.toByteString()).build().toByteArray();
        String url = baseUrl + "/rtc/v1?join_request=" + Base64.getUrlEncoder().encodeToString(wrapped).replace("=", "%3D");
        return open(url, token);
    }

    /** Opens {@code /rtc} with query parameters and the token as {@code access_token} (as livekit-client does). */
    static SignalTestClient v0(String baseUrl, String token, String extraQuery) throws Exception {
        return open(baseUrl + "/rtc?access_token=" + token + "&protocol=17&sdk=java&version=test" + extraQuery, null);
    }

    static JoinRequest.Builder joinRequest() {
        return JoinRequest.newBuilder().setClientInfo(ClientInfo.newBuilder().setVersion("test").setProtocol(17));
    }

    private static SignalTestClient open(String url, String bearer) throws Exception {
        SignalTestClient client = new SignalTestClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        client.socket = builder.buildAsync(URI.create(url), client).get(10, TimeUnit.SECONDS);
        return client;
    }

    /** Serialised: the JDK WebSocket refuses a send while another is pending. */
    synchronized void send(SignalRequest request) {
        socket.sendBinary(ByteBuffer.wrap(request.toByteArray()), true).join();
    }

    synchronized void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /** The first message received so far or within 10 s that matches, in arrival order. */
    SignalResponse await(Predicate<SignalResponse> matching) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (received) {
            while (true) {
                for (SignalResponse r : received) {
                    if (matching.test(r)) {
                        return r;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching signal message; received " + cases());
                }
                received.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
        }
    }

    SignalResponse await(SignalResponse.MessageCase type) throws InterruptedException {
        return await(r -> r.getMessageCase() == type);
    }

    List<SignalResponse> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    List<SignalResponse.MessageCase> cases() {
        return received().stream().map(SignalResponse::getMessageCase).toList();
    }

    /** Completes with the close status code, or -1 when the connection broke without a close frame. */
    CompletableFuture<Integer> closed() {
        return closed;
    }

    /** Unbounded demand: a close or an error must never wait behind a message being handled. */
    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        partial.writeBytes(bytes);
        if (last) {
            try {
                SignalResponse message = SignalResponse.parseFrom(partial.toByteArray());
                synchronized (received) {
                    received.add(message);
                    received.notifyAll();
                }
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            } finally {
                partial.reset();
            }
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    /** Closes the connection abruptly, without a close frame. */
    void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
