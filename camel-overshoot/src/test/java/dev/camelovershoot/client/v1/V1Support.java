package dev.camelovershoot.client.v1;

import dev.camelovershoot.client.ReconnectPolicy;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.frames.TestImages;
import dev.camelovershoot.testinfra.v1.V1Settings;
import java.time.Duration;

/** What the v1 tests share: a client of the emulator's v1beta API with short timeouts and quick retries. */
final class V1Support {

    static final String MODEL = V1Settings.DEFAULT_MODELS.get(0).model();
    static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(200),
            ReconnectPolicy.UNLIMITED);

    private V1Support() {
    }

    static V1Client client(OvershootEmulator emulator) {
        return client(emulator, emulator.apiKey());
    }

    static V1Client client(OvershootEmulator emulator, String apiKey) {
        return V1Client.builder().baseUrl(emulator.v1BaseUrl()).apiKey(apiKey)
                .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(5))
                .unavailableRetry(new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(50), 3))
                .build();
    }

    /** Adds a solid frame of this colour to a v1 stream, as if it had been published. */
    static void show(OvershootEmulator emulator, String streamId, String colour) {
        emulator.v1().injectFrame(streamId, TestImages.solid(64, 48, colour));
    }
}
