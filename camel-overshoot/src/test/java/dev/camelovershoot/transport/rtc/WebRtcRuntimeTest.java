package dev.camelovershoot.transport.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onvoid.webrtc.PeerConnectionFactory;
import org.junit.jupiter.api.Test;

class WebRtcRuntimeTest {

    @Test
    void createsOneFactoryOnFirstUseAndRefusesUseAfterClose() {
        WebRtcRuntime runtime = new WebRtcRuntime();
        PeerConnectionFactory factory = runtime.factory();

        assertThat(runtime.factory()).isSameAs(factory);

        runtime.close();
        runtime.close();
        assertThatThrownBy(runtime::factory).isInstanceOf(IllegalStateException.class)
                .hasMessage("the WebRTC runtime is closed");
    }

    @Test
    void aMissingPulseAudioLibraryNamesThePackageToInstall() {
        UnsatisfiedLinkError failure = new UnsatisfiedLinkError(
                "/tmp/libwebrtc-java-linux-x86_641234.so: libpulse.so.0: cannot open shared object file: No such file or directory");

        WebRtcUnavailableException explained = WebRtcNatives.explain(failure);

        assertThat(explained).hasMessageContaining("libpulse.so.0")
                .hasMessageEndingWith("install the Debian/Ubuntu package libpulse0 (apt-get install libpulse0)")
                .hasCause(failure);
    }

    @Test
    void otherLoadFailuresKeepTheirCause() {
        UnsatisfiedLinkError failure = new UnsatisfiedLinkError("/lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.18' not found");

        assertThat(WebRtcNatives.explain(failure))
                .hasMessageStartingWith("could not load webrtc-java's native library")
                .hasMessageEndingWith("version `GLIBC_2.18' not found")
                .hasCause(failure);
    }
}
