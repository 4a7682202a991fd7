package dev.camelovershoot.testinfra;

import dev.camelovershoot.testinfra.frames.EmulatorFrame;
import dev.camelovershoot.testinfra.inference.DescribeBackend;
import dev.camelovershoot.testinfra.inference.InferenceBackend;
import dev.camelovershoot.testinfra.inference.ScriptedBackend;
import dev.camelovershoot.testinfra.livekit.LiveKitCredentials;
import dev.camelovershoot.testinfra.livekit.LiveKitRooms;
import dev.camelovershoot.testinfra.server.EmulatorServer;
import dev.camelovershoot.testinfra.server.EmulatorSettings;
import dev.camelovershoot.testinfra.server.TlsSettings;
import dev.camelovershoot.testinfra.v1.V1Controls;
import dev.camelovershoot.testinfra.v1.V1Emulator;
import dev.camelovershoot.testinfra.v1.V1Settings;
import java.awt.image.BufferedImage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An Overshoot-compatible server for tests and offline development. API v0.2: the REST API under a base path, the
 * results WebSocket, leases and billing. API v1beta on the same port under {@code /v1beta} (and {@code /v1}):
 * streams as frame buffers and chat completions about their frames. Frames arrive over WebRTC or are injected by
 * tests; answers come from a pluggable inference backend.
 *
 * <pre>{@code
 * try (OvershootEmulator emulator = OvershootEmulator.builder().build().start()) {
 *     String url = emulator.baseUrl();   // http://127.0.0.1:<port>/v0.2
 * }
 * }</pre>
 */
public final class OvershootEmulator implements AutoCloseable {

    /** The key configured when none is given. */
    public static final String DEFAULT_API_KEY = "ovs_emulator_key";
    /** The default list's model that is at capacity: creating a stream with it answers 503. */
    public static final String SATURATED_MODEL = "Qwen/Qwen3.6-35B-A3B-FP8";
    /**
     * The models listed when none are given. Every model an official SDK defaults to is usable (the npm
     * {@code @overshoot/sdk} and the older Python SDK default to {@code Qwen/Qwen3-VL-30B-A3B-Instruct}); the one
     * model that is not, {@link #SATURATED_MODEL}, is there for tests of a model at capacity.
     */
    public static final List<ModelEntry> DEFAULT_MODELS = List.of(
            new ModelEntry("Qwen/Qwen3.5-9B", "ready"),
            new ModelEntry("Qwen/Qwen3-VL-8B-Instruct", "ready"),
            new ModelEntry("Qwen/Qwen3-VL-30B-A3B-Instruct", "ready"),
            new ModelEntry("OpenGVLab/InternVL3_5-30B-A3B", "degraded"),
            new ModelEntry(SATURATED_MODEL, "saturated"));

    private final EmulatorSettings settings;
    private final EmulatorServer server;
    private final Faults faults;
    private final boolean tls;

    private OvershootEmulator(EmulatorSettings settings, V1Settings v1Settings, TlsSettings tls) {
        this.settings = settings;
        this.tls = tls != null;
        this.server = new EmulatorServer(settings, v1Settings, tls);
        this.faults = new Faults(server);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening; returns this. */
    public OvershootEmulator start() {
        server.start();
        return this;
    }

    /** Stops the server, the lease timers and inference. */
    @Override
    public void close() {
        server.close();
    }

    public int port() {
        return server.port();
    }

    /**
     * The REST base URL without a trailing slash, e.g. {@code http://127.0.0.1:8080/v0.2} ({@code https://} when it
     * serves TLS).
     */
    public String baseUrl() {
        return origin("http") + settings.basePath();
    }

    /** The v1beta base URL without a trailing slash, {@code http://HOST:PORT/v1beta} ({@code /v1} is an alias). */
    public String v1BaseUrl() {
        return origin("http") + V1Emulator.basePath();
    }

    /** The v1beta API's test controls: frames, stream state, reaping and chat faults. */
    public V1Controls v1() {
        return server.v1();
    }

    /** The results WebSocket URL of a stream: {@code ws://HOST:PORT<base>/ws/streams/<id>}. */
    public String resultsUrl(String streamId) {
        return origin("ws") + settings.basePath() + "/ws/streams/" + streamId;
    }

    /** The first configured API key. */
    public String apiKey() {
        return settings.apiKeys().get(0);
    }

    public List<String> apiKeys() {
        return settings.apiKeys();
    }

    public InferenceBackend backend() {
        return settings.backend();
    }

    /** The backend as a {@link ScriptedBackend}; {@link IllegalStateException} if it is another kind. */
    public ScriptedBackend scripted() {
        if (settings.backend() instanceof ScriptedBackend scripted) {
            return scripted;
        }
        throw new IllegalStateException("The emulator's backend is " + settings.backend().getClass().getSimpleName()
                + ", not scripted; configure it with builder().backend(new ScriptedBackend())");
    }

    /** Hands a frame to a running stream, as if it had arrived over its media connection. */
    public void injectFrame(String streamId, BufferedImage frame) {
        server.injectFrame(streamId, Objects.requireNonNull(frame, "frame"));
    }

    /**
     * The frames a running stream's store holds now, oldest first, each with the time it arrived: what tests use to
     * see what media really reached the service (and when).
     *
     * @throws IllegalArgumentException for an unknown or ended stream
     */
    public List<EmulatorFrame> frames(String streamId) {
        return server.frames(streamId);
    }

    /** The stream's current state; ended streams stay visible with {@code ended=true}. */
    public Optional<StreamSnapshot> stream(String streamId) {
        return server.stream(streamId);
    }

    public List<StreamSnapshot> streams() {
        return server.streams();
    }

    /** Every HTTP request answered so far (the most recent 10,000), in the order the answers were sent. */
    public List<RecordedRequest> requests() {
        return server.requests();
    }

    public Faults faults() {
        return faults;
    }

    /** The URL of the emulator's LiveKit endpoint, {@code ws://HOST:PORT/livekit}: native streams' rooms live there. */
    public String liveKitUrl() {
        return origin("ws") + "/livekit";
    }

    /**
     * A publish token for a room of the emulator's LiveKit endpoint, signed with its LiveKit key: what a user-managed
     * LiveKit source needs in tests ({@code source {type: livekit, url: liveKitUrl(), token}}).
     */
    public String liveKitToken(String identity, String room, Duration ttl) {
        return server.mintLiveKitToken(identity, room, ttl);
    }

    /** The LiveKit rooms (counters and test controls), or empty when WebRTC cannot run on this machine. */
    public Optional<LiveKitRooms> liveKitRooms() {
        return Optional.ofNullable(server.liveKitRooms());
    }

    /** {@code http://HOST:PORT} or {@code ws://HOST:PORT}, with the secure scheme when it serves TLS. */
    private String origin(String scheme) {
        return scheme + (tls ? "s" : "") + "://" + urlHost() + ":" + port();
    }

    private String urlHost() {
        String host = settings.host();
        boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.isEmpty();
        return wildcard ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
    }

    /** Configuration; every setting has a default. */
    public static final class Builder {

        private String host = "127.0.0.1";
        private int port;
        private String basePath = "/v0.2";
        private List<String> apiKeys = List.of(DEFAULT_API_KEY);
        private int leaseTtlSeconds = 45;
        private int streamLimitPerKey = 5;
        private double creditsCents = 10_000;
        private double centsPerSecond = 0.01;
        private List<ModelEntry> models = DEFAULT_MODELS;
        private InferenceBackend backend;
        private Duration idleAfter = Duration.ofSeconds(3);
        private Duration clipPersistDelay = Duration.ofSeconds(1);
        private int frameStoreMaxFrames = 300;
        private int frameMaxSide = 320;
        private LiveKitCredentials liveKitCredentials;
        private Duration publisherGrace = LiveKitRooms.DEFAULT_PUBLISHER_GRACE;
        private EmulatorObserver observer = EmulatorObserver.NONE;
        private Duration v1LeaseTtl = V1Settings.DEFAULT_LEASE_TTL;
        private int v1RequestsPerSecond = V1Settings.DEFAULT_REQUESTS_PER_SECOND;
        private boolean allowPrivateCameraSources;
        private Duration v1SourceConnectTimeout = V1Settings.DEFAULT_SOURCE_CONNECT_TIMEOUT;
        private List<ModelEntry> v1Models = V1Settings.DEFAULT_MODELS;
        private List<String> corsOrigins = List.of();
        private TlsSettings tls;

        private Builder() {
        }

        /**
         * Bind address, default {@code 127.0.0.1}. Any other than a loopback address needs API keys of its own
         * ({@link #apiKeys}): the default key is public.
         */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Port, default 0: a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Base path of the REST API and the results WebSocket, default {@code /v0.2}. */
        public Builder basePath(String path) {
            this.basePath = path;
            return this;
        }

        /** Accepted API keys, default {@code ovs_emulator_key}. */
        public Builder apiKeys(String... keys) {
            this.apiKeys = List.of(keys);
            return this;
        }

        /** Lease TTL in seconds, default 45. */
        public Builder leaseTtlSeconds(int seconds) {
            this.leaseTtlSeconds = seconds;
            return this;
        }

        /** Concurrent streams per API key, default 5; one more answers 429. */
        public Builder streamLimitPerKey(int limit) {
            this.streamLimitPerKey = limit;
            return this;
        }

        /** Starting credit balance of every key in cents, default 10,000. */
        public Builder creditsCents(double cents) {
            this.creditsCents = cents;
            return this;
        }

        /** Billing rate per stream second in cents, default 0.01. */
        public Builder centsPerSecond(double cents) {
            this.centsPerSecond = cents;
            return this;
        }

        /** Models listed on {@code GET /models}; default {@link #DEFAULT_MODELS}. */
        public Builder models(List<ModelEntry> models) {
            this.models = List.copyOf(models);
            return this;
        }

        /** The inference backend, default {@link DescribeBackend}. */
        public Builder backend(InferenceBackend backend) {
            this.backend = backend;
            return this;
        }

        /** Frames older than this make a stream {@code idle} (no inference), default 3 s. */
        public Builder idleAfter(Duration d) {
            this.idleAfter = d;
            return this;
        }

        /** Re-inference answers 404 until a result is this old, default 1 s. */
        public Builder clipPersistDelay(Duration d) {
            this.clipPersistDelay = d;
            return this;
        }

        /** Frames kept per stream, default 300. */
        public Builder frameStoreMaxFrames(int n) {
            this.frameStoreMaxFrames = n;
            return this;
        }

        /** Stored frames are scaled down to this longest side in pixels, default 320. */
        public Builder frameMaxSide(int px) {
            this.frameMaxSide = px;
            return this;
        }

        /**
         * The key and secret that sign and verify LiveKit tokens; by default the key {@code emulator} with a random
         * secret made when the emulator is built, so that no one else can mint a token for its rooms.
         */
        public Builder liveKitCredentials(String apiKey, String apiSecret) {
            this.liveKitCredentials = new LiveKitCredentials(apiKey, apiSecret);
            return this;
        }

        /**
         * How long a LiveKit room may have no connected publisher before its stream ends with
         * {@code livekit_disconnected}, default 10 s (long enough for a client to resume or rejoin).
         */
        public Builder publisherGrace(Duration d) {
            this.publisherGrace = d;
            return this;
        }

        /** Told of every stored frame and sent result, default {@link EmulatorObserver#NONE}. */
        public Builder observer(EmulatorObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /** v1beta: how long a stream lives without a keepalive before it is reaped, default 300 s. */
        public Builder v1LeaseTtl(Duration ttl) {
            this.v1LeaseTtl = ttl;
            return this;
        }

        /** v1beta: chat completions per API key and second before 429, default 100. */
        public Builder v1RequestsPerSecond(int rate) {
            this.v1RequestsPerSecond = rate;
            return this;
        }

        /**
         * Origins ({@code scheme://host[:port]}) whose web pages may call the API; default: any ({@code *}). The
         * origin is echoed with {@code Access-Control-Allow-Credentials: true}, as browser SDKs that send
         * credentials need.
         */
        public Builder corsOrigins(String... origins) {
            this.corsOrigins = List.of(origins);
            return this;
        }

        /**
         * v1beta: lets camera sources point at private, loopback and link-local addresses, which the service refuses
         * (default false); tests pulling from a camera on this machine need it.
         */
        public Builder allowPrivateCameraSources(boolean allow) {
            this.allowPrivateCameraSources = allow;
            return this;
        }

        /** v1beta: how long an unreachable camera source is retried before the create answers 422, default 15 s. */
        public Builder v1SourceConnectTimeout(Duration timeout) {
            this.v1SourceConnectTimeout = timeout;
            return this;
        }

        /** v1beta: the model catalog, default {@link V1Settings#DEFAULT_MODELS}. */
        public Builder v1Models(List<ModelEntry> models) {
            this.v1Models = List.copyOf(models);
            return this;
        }

        /**
         * Serves HTTPS and WSS instead of HTTP and WS, with the key and certificate chain of this key store (PKCS12
         * or JKS); {@link TestCertificates} makes one signed by a test CA.
         */
        public Builder tls(Path keyStore, String password) {
            this.tls = new TlsSettings(keyStore, password);
            return this;
        }

        /**
         * @throws IllegalArgumentException for an invalid setting, or a non-loopback host with the default API key
         */
        public OvershootEmulator build() {
            if (apiKeys.contains(DEFAULT_API_KEY) && !isLoopback(host)) {
                throw new IllegalArgumentException("Refusing to listen on " + host + " (reachable from other"
                        + " machines) with the public default API key " + DEFAULT_API_KEY + ": set a key of your own"
                        + " with --api-key KEY (builder: apiKeys(\"KEY\")), or bind 127.0.0.1");
            }
            return new OvershootEmulator(new EmulatorSettings(host, port, basePath, apiKeys, leaseTtlSeconds,
                    streamLimitPerKey, creditsCents, centsPerSecond, models,
                    backend == null ? new DescribeBackend() : backend, idleAfter, clipPersistDelay,
                    frameStoreMaxFrames, frameMaxSide,
                    liveKitCredentials == null ? LiveKitCredentials.random() : liveKitCredentials, publisherGrace,
                    observer, corsOrigins),
                    new V1Settings(v1LeaseTtl, v1RequestsPerSecond, allowPrivateCameraSources, v1SourceConnectTimeout,
                            v1Models), tls);
        }

        private static boolean isLoopback(String host) {
            try {
                return host != null && InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Unknown host " + host, e);
            }
        }
    }
}
