package dev.camelovershoot.transport;

import dev.camelovershoot.client.OvershootException;
import dev.camelovershoot.client.v1.Publish;
import dev.camelovershoot.client.v1.Publisher;
import dev.camelovershoot.client.wire.LiveKitInfo;
import dev.camelovershoot.client.wire.Source;
import dev.camelovershoot.client.wire.StreamCreated;
import dev.camelovershoot.livekit.LiveKitException;
import dev.camelovershoot.transport.rtc.WebRtcRuntime;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Publishes frames into a LiveKit room: the service's own room for a native stream (the default transport), or the
 * user's room for a user-managed LiveKit source. One frame bridge lives as long as the transport; the LiveKit
 * participant is replaced when the session recreates its stream. It also publishes into v1 streams
 * ({@link Publisher}), whose rooms and tokens come from {@code publish} in the create and keepalive responses.
 */
public final class LiveKitTransport extends BridgedTransport<LiveKitPublisher> implements Publisher {

    private final HttpClient http;
    private final Source userRoom;

    private LiveKitTransport(WebRtcRuntime runtime, HttpClient http, TransportSettings settings, Source userRoom) {
        super(runtime, settings);
        this.http = http;
        this.userRoom = userRoom;
    }

    /** Native transport: joins the room the service creates for each stream. */
    public static LiveKitTransport serviceRoom(WebRtcRuntime runtime, HttpClient http, TransportSettings settings) {
        return new LiveKitTransport(runtime, http, settings, null);
    }

    /** User-managed LiveKit: the service is told about the room, and frames are published into it with the token. */
    public static LiveKitTransport userRoom(WebRtcRuntime runtime, HttpClient http, TransportSettings settings,
                                            String url, String token) {
        return new LiveKitTransport(runtime, http, settings, Source.liveKit(url, token));
    }

    @Override
    public CompletableFuture<Source> prepare() {
        return CompletableFuture.completedFuture(userRoom);
    }

    @Override
    public CompletableFuture<Void> connect(StreamCreated created, Consumer<OvershootException> failures) {
        LiveKitInfo room = userRoom != null ? new LiveKitInfo(userRoom.url(), userRoom.token()) : created.livekit();
        if (room == null) {
            return CompletableFuture.failedFuture(new TransportException(
                    "The service returned no LiveKit room for stream " + created.streamId(), null));
        }
        return join(room, failures);
    }

    /** v1: joins the stream's room with its publish token. */
    @Override
    public CompletableFuture<Void> connect(Publish publish, Consumer<OvershootException> failures) {
        return join(new LiveKitInfo(publish.url(), publish.token()), failures);
    }

    private CompletableFuture<Void> join(LiveKitInfo room, Consumer<OvershootException> failures) {
        LiveKitPublisher next = new LiveKitPublisher(http, runtime.factory(), track(), room.url(),
                new LiveKitPublisher.Settings(settings.codec(), settings.width(), settings.height(),
                        settings.iceServers(), settings.timeout(), settings.reconnect(), settings.reconnects()),
                e -> lost(e, failures), settings.threads());
        connection(next);
        return next.start(room.token())
                .whenComplete((v, e) -> live(e == null))
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(failure(e)));
    }

    @Override
    public void updateToken(String token) {
        LiveKitPublisher current = connection();
        if (current != null) {
            current.updateToken(token);
        }
    }

    /** The LiveKit participant currently publishing, or null. */
    public LiveKitPublisher publisher() {
        return connection();
    }

    private void lost(LiveKitException e, Consumer<OvershootException> failures) {
        live(false);
        failures.accept(failure(e));
    }

    private static TransportException failure(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return new TransportException("LiveKit transport: " + cause.getMessage(), cause);
    }
}
