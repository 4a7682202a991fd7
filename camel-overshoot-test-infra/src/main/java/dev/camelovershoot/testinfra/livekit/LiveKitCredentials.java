package dev.camelovershoot.testinfra.livekit;

import java.util.Objects;

/**
 * The emulator's LiveKit API key and secret: the key names the issuer of access tokens, the secret signs them.
 * {@link #toString()} never shows the secret.
 */
public record LiveKitCredentials(String apiKey, String apiSecret) {

    public LiveKitCredentials {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(apiSecret, "apiSecret");
        if (apiKey.isBlank() || apiSecret.isBlank()) {
            throw new IllegalArgumentException("LiveKit API key and secret must not be blank");
        }
    }

    @Override
    public String toString() {
        return "LiveKitCredentials[apiKey=" + apiKey + ", apiSecret=<redacted>]";
    }
}
