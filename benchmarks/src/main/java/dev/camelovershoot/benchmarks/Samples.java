package dev.camelovershoot.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Measured values, sorted, with nearest-rank percentiles. */
record Samples(List<Double> sorted) {

    Samples {
        List<Double> copy = new ArrayList<>(sorted);
        Collections.sort(copy);
        sorted = List.copyOf(copy);
    }

    int count() {
        return sorted.size();
    }

    /** Nearest-rank percentile; NaN without samples. */
    double percentile(double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1)));
    }
}
