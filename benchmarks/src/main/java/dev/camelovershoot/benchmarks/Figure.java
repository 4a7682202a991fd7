package dev.camelovershoot.benchmarks;

import java.util.Locale;

/** One measured figure, printed as {@code name value unit}. */
record Figure(String name, double value, String unit) {

    String line() {
        return String.format(Locale.ROOT, "%s %s %s", name, format(value), unit);
    }

    private static String format(double value) {
        if (!Double.isFinite(value)) {
            return "NaN";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e12 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.3f", value);
    }
}
