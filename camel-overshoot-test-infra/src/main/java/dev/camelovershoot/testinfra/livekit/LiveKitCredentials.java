package dev.camelovershoot.testinfra.livekit;

import java.security.SecureRandom;
import java.util.Base64;
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

    /** The key name of {@link #random()} credentials. */
    public static final String RANDOM_KEY = "emulator";

    private static final int SECRET_BYTES = 32;

    /**
     * Credentials with a secret made now from a strong random source: tokens signed with them are worth nothing to
     * anyone who did not get them from this emulator (LiveKit's public development secret would let anyone mint one).
     */
    public static LiveKitCredentials random() {
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return new LiveKitCredentials(RANDOM_KEY, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    @Override
    public String toString() {
        return "LiveKitCredentials[apiKey=" + apiKey + ", apiSecret=<redacted>]";
    }
}
