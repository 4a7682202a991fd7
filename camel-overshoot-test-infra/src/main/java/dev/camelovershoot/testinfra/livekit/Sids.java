package dev.camelovershoot.testinfra.livekit;

import java.security.SecureRandom;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitModels.TrackType;

/** Server ids in LiveKit's format: a type prefix and 12 random base-62 characters. */
final class Sids {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sids() {
    }

    static String room() {
        return next("RM_");
    }

    static String participant() {
        return next("PA_");
    }

    /** {@code TR_} + {@code V}ideo/{@code A}udio + source: {@code C}amera, {@code M}icrophone, {@code S}creen... */
    static String track(TrackType type, TrackSource source) {
        String kind = type == TrackType.AUDIO ? "A" : "V";
        String from = switch (source) {
            case CAMERA -> "C";
            case MICROPHONE -> "M";
            case SCREEN_SHARE -> "S";
            case SCREEN_SHARE_AUDIO -> "s";
            default -> "U";
        };
        return next("TR_" + kind + from);
    }

    private static String next(String prefix) {
        StringBuilder sid = new StringBuilder(prefix);
        for (int i = 0; i < 12; i++) {
            sid.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sid.toString();
    }
}
