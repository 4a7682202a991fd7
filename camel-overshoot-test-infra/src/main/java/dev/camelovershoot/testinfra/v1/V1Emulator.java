package dev.camelovershoot.testinfra.v1;

import dev.camelovershoot.testinfra.RecordedRequest;
import dev.camelovershoot.testinfra.frames.FrameStore;
import dev.camelovershoot.testinfra.inference.InferenceBackend;
import dev.camelovershoot.testinfra.livekit.LiveKitRooms;
import dev.camelovershoot.testinfra.livekit.LiveKitTokens;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.jetty.server.Handler;

/**
 * The emulator's v1beta side, beside v0.2 on the same server: streams as frame buffers in the same LiveKit rooms,
 * chat completions answered by the same inference backend. Internal; {@code OvershootEmulator} exposes its URL and
 * {@link V1Controls}.
 */
public final class V1Emulator implements AutoCloseable {

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "overshoot-emulator-v1-leases");
        thread.setDaemon(true);
        return thread;
    });
    private final V1Streams streams;
    private final V1Faults faults = new V1Faults();
    private final List<V1Handler.Route> routes;
    private final Predicate<String> apiKeys;
    private final Consumer<RecordedRequest> journal;
    private final V1Controls controls;

    /**
     * @param rooms       the emulator's LiveKit rooms, or {@code null} without WebRTC
     * @param liveKitPath where the LiveKit endpoint is mounted, e.g. {@code /livekit}
     * @param journal     told of every request answered
     */
    public V1Emulator(V1Settings settings, Predicate<String> apiKeys, InferenceBackend backend, int frameStoreMaxFrames,
                      int frameMaxSide, LiveKitRooms rooms, LiveKitTokens tokens, String liveKitPath,
                      Consumer<RecordedRequest> journal) {
        this.streams = new V1Streams(settings, () -> new FrameStore(frameStoreMaxFrames, frameMaxSide), rooms,
                tokens, timers);
        CameraSources cameras = new CameraSources(streams, CameraPullers.ffmpeg(settings.sourceConnectTimeout(),
                stream -> streams.end(stream, V1Stream.EXPIRED)));
        ChatCompletions chat = new ChatCompletions(streams, backend, frameMaxSide);
        this.routes = new V1Endpoints(streams, chat, cameras, faults, liveKitPath).routes();
        this.apiKeys = apiKeys;
        this.journal = journal;
        this.controls = new V1Controls(streams, faults);
    }

    /**
     * A handler for one run of the server: serves {@code /v1beta/...} and {@code /v1/...} and leaves every other path
     * to the next handler.
     */
    public Handler newHandler() {
        return new V1Handler(routes, apiKeys, journal);
    }

    public V1Controls controls() {
        return controls;
    }

    /** The path the emulator advertises for v1: {@code /v1beta}. */
    public static String basePath() {
        return V1Handler.PREFIXES.get(0);
    }

    /** Every path prefix v1 answers under. */
    public static List<String> prefixes() {
        return V1Handler.PREFIXES;
    }

    /** Ends every stream (releasing rooms and cameras) and stops the lease timers. */
    @Override
    public void close() {
        streams.close();
        timers.shutdownNow();
    }
}
