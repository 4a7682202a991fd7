package dev.camelovershoot.testinfra.frames;

import java.util.Locale;

/** What the keepalive reports as {@code state}: no frames yet, frames flowing, or frames stopped. */
public enum StreamActivity {
    PENDING, ACTIVE, IDLE;

    /** The wire value: {@code pending}, {@code active} or {@code idle}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
