package dev.camelovershoot.client;

import dev.camelovershoot.testinfra.OvershootEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** What session tests share: a client, a recorder, and the session and frame feeder, stopped after each test. */
abstract class SessionTestBase {

    final OvershootEmulator emulator;
    final OvershootClient client;
    final Recorder recorder = new Recorder();
    StreamSession session;
    FrameFeeder feeder;

    SessionTestBase(OvershootEmulator emulator) {
        this.emulator = emulator;
        this.client = TestSupport.client(emulator);
    }

    @BeforeEach
    void emptyScript() {
        TestSupport.clearScript(emulator);
    }

    @AfterEach
    void stop() {
        TestSupport.stop(feeder, session);
    }
}
