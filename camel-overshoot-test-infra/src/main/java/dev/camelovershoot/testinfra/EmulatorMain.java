package dev.camelovershoot.testinfra;

import dev.camelovershoot.testinfra.inference.InferenceBackends;
import dev.camelovershoot.testinfra.livekit.LiveKitCredentials;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator from the command line until Ctrl-C or SIGTERM:
 * {@code java -jar overshoot-emulator.jar --port 8080 --api-key ovs_dev_key --backend describe}.
 * Stdout carries exactly two lines, {@code Overshoot emulator listening on <v0.2 base URL>} and the same for the
 * v1beta base URL; logs go to stderr.
 */
public final class EmulatorMain {

    static final String USAGE = """
            Usage: java -jar overshoot-emulator.jar [options]
              --host H             bind address (default 127.0.0.1); any other than a loopback address
                                   needs --api-key
              --port P             port, 0 = a free port (default 0)
              --base-path PATH     REST and WebSocket base path (default /v0.2)
              --api-key K          an accepted API key; repeat for more (default ovs_emulator_key)
              --lease-ttl S        lease TTL in seconds (default 45)
              --stream-limit N     streams running at once per API key (default 5, as the service)
              --v1-lease-ttl S     v1beta: lease TTL in seconds before a stream is reaped (default 300)
              --v1-rate N          v1beta: chat completions per API key and second (default 100)
              --allow-private-cameras true|false
                                   v1beta: accept camera sources on private and loopback addresses (default false)
              --cors-origins LIST  comma-separated origins whose web pages may call the API, * for any
                                   (default *)
              --livekit-key K      LiveKit key that signs the rooms' tokens (default emulator)
              --livekit-secret S   LiveKit secret that signs the rooms' tokens (default: random at each start)
              --backend NAME       inference backend: %s (default describe)
              --rules FILE         rules backend: the rules file
              --openai-url URL     openai backend: chat-completions URL of an OpenAI-compatible server
              --openai-model M     openai backend: model to ask (default: the stream's model)
              --openai-key K       openai backend: Bearer key for that server
              --openai-timeout S   openai backend: request timeout in seconds (default 60)
              --help               this text
            """.formatted(InferenceBackends.NAMES);

    private static final Set<String> BACKEND_OPTIONS =
            Set.of("rules", "openai-url", "openai-model", "openai-key", "openai-timeout");
    private static final String LOGBACK_CONFIG = "logback.configurationFile";

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty(LOGBACK_CONFIG) == null) {
            System.setProperty(LOGBACK_CONFIG, "overshoot-emulator-logback.xml");
        }
        if (List.of(args).contains("--help")) {
            System.out.print(USAGE);
            return;
        }
        OvershootEmulator emulator;
        try {
            emulator = start(args, System.out);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "overshoot-emulator-shutdown"));
        stopped.await();
    }

    /**
     * Builds and starts an emulator from command-line arguments and prints the listening line to {@code out}.
     *
     * @throws IllegalArgumentException for invalid arguments, saying which
     */
    static OvershootEmulator start(String[] args, PrintStream out) {
        OvershootEmulator.Builder builder = OvershootEmulator.builder();
        List<String> keys = new ArrayList<>();
        Map<String, String> backendOptions = new HashMap<>();
        String backend = "describe";
        String liveKitKey = null;
        String liveKitSecret = null;
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            if (!option.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected an option with a value at '" + option + "'");
            }
            String name = option.substring(2);
            String value = args[i + 1];
            switch (name) {
                case "host" -> builder.host(value);
                case "port" -> builder.port(integer(name, value));
                case "base-path" -> builder.basePath(value);
                case "api-key" -> keys.add(value);
                case "lease-ttl" -> builder.leaseTtlSeconds(integer(name, value));
                case "stream-limit" -> builder.streamLimitPerKey(integer(name, value));
                case "v1-lease-ttl" -> builder.v1LeaseTtl(Duration.ofSeconds(integer(name, value)));
                case "v1-rate" -> builder.v1RequestsPerSecond(integer(name, value));
                case "allow-private-cameras" -> builder.allowPrivateCameraSources(bool(name, value));
                case "backend" -> backend = value;
                case "cors-origins" -> builder.corsOrigins(value.split("\\s*,\\s*"));
                case "livekit-key" -> liveKitKey = value;
                case "livekit-secret" -> liveKitSecret = value;
                default -> {
                    if (!BACKEND_OPTIONS.contains(name)) {
                        throw new IllegalArgumentException("unknown option " + option);
                    }
                    backendOptions.put(name, value);
                }
            }
        }
        if (!keys.isEmpty()) {
            builder.apiKeys(keys.toArray(String[]::new));
        }
        if (liveKitSecret != null) {
            builder.liveKitCredentials(liveKitKey == null ? LiveKitCredentials.RANDOM_KEY : liveKitKey, liveKitSecret);
        } else if (liveKitKey != null) {
            throw new IllegalArgumentException("--livekit-key needs --livekit-secret");
        }
        builder.backend(InferenceBackends.create(backend, backendOptions));
        OvershootEmulator emulator = builder.build().start();
        out.println("Overshoot emulator listening on " + emulator.baseUrl());
        out.println("Overshoot emulator listening on " + emulator.v1BaseUrl());
        out.flush();
        return emulator;
    }

    private static boolean bool(String name, String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("--" + name + " needs true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, got '" + value + "'");
        }
    }
}
