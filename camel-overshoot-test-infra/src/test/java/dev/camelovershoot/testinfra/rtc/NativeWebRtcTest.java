package dev.camelovershoot.testinfra.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NativeWebRtcTest {

    @Test
    void aMissingPulseAudioLibraryNamesThePackageToInstall() {
        UnsatisfiedLinkError error = new UnsatisfiedLinkError(
                "/tmp/libwebrtc-java-linux-x86_641234.so: libpulse.so.0: cannot open shared object file: No such file or directory");
        assertThat(NativeWebRtc.explain(new RuntimeException("Load library 'webrtc-java' failed", error)))
                .contains("install the Debian/Ubuntu package libpulse0");
    }

    @Test
    void otherLoadFailuresKeepTheirCause() {
        assertThat(NativeWebRtc.explain(new UnsatisfiedLinkError("GLIBC_2.28 not found")))
                .contains("could not be loaded").contains("GLIBC_2.28 not found");
    }
}
