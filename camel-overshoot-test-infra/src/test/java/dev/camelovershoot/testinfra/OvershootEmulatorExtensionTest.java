package dev.camelovershoot.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OvershootEmulatorExtensionTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR =
            OvershootEmulatorExtension.create(b -> b.apiKeys("ovs_ext").leaseTtlSeconds(12));

    private static OvershootEmulator startedBeforeAll;

    @BeforeAll
    static void remember(OvershootEmulator emulator) {
        startedBeforeAll = emulator;
    }

    @Test
    void resolvesTheRunningEmulatorAndItsFaults(OvershootEmulator emulator, Faults faults) {
        assertThat(emulator).isSameAs(EMULATOR.emulator()).isSameAs(startedBeforeAll);
        assertThat(faults).isSameAs(emulator.faults());
        assertThat(emulator.apiKey()).isEqualTo("ovs_ext");
        assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + emulator.port() + "/v0.2");
        assertThat(emulator.port()).isPositive();
        assertThat(new Api(emulator).create(Api.frameStream(1)).get("lease").get("ttl_seconds").asInt())
                .isEqualTo(12);
    }

    @Nested
    class NestedClasses {

        @Test
        void shareTheOuterEmulator(OvershootEmulator emulator) {
            assertThat(emulator).isSameAs(startedBeforeAll);
            assertThat(new Api(emulator).get("/healthz").status()).isEqualTo(200);
        }
    }
}
