package dev.camelovershoot.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A results WebSocket client: collects result messages and how the socket ended. */
final class ResultsClient implements WebSocket.Listener, AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(5);

    /** How the socket ended; a connection lost without a close frame is reported as 1006. */
    record Closed(int code, String reason) {

        static final Closed ABNORMAL = new Closed(1006, "");
    }

    private final BlockingQueue<JsonNode> results = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** Opens the socket without authenticating. */
    static ResultsClient connect(OvershootEmulator emulator, String streamId) {
        ResultsClient client = new ResultsClient();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT)
                .buildAsync(URI.create(emulator.resultsUrl(streamId)), client).join();
        return client;
    }

    /** Opens, authenticates with the emulator's key and waits until the emulator counts the socket. */
    static ResultsClient attach(OvershootEmulator emulator, String streamId) {
        int before = emulator.stream(streamId).orElseThrow().resultSockets();
        ResultsClient client = connect(emulator, streamId).send("{\"api_key\":\"" + emulator.apiKey() + "\"}");
        await().atMost(WAIT).until(() -> emulator.stream(streamId).orElseThrow().resultSockets() > before);
        return client;
    }

    ResultsClient send(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    JsonNode nextResult() {
        try {
            JsonNode result = results.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(result).as("a result within " + WAIT).isNotNull();
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Results received and not yet taken. */
    int pending() {
        return results.size();
    }

    Closed awaitClose() {
        return closed.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            results.add(Api.parse(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(Closed.ABNORMAL);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
