package dev.camelovershoot.client.wire;

/** Masks secrets in {@code toString()} so a logged record never shows a token or credential. */
final class Mask {

    private Mask() {
    }

    static String secret(String value) {
        return value == null ? "null" : "***";
    }

    /** SDP text carries ICE credentials; only its size is shown. */
    static String sdp(String value) {
        return value == null ? "null" : "<" + value.length() + " chars>";
    }
}
