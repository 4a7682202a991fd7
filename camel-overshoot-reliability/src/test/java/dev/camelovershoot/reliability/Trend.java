package dev.camelovershoot.reliability;

import java.util.List;

/**
 * The trend of one metric over a run, after its warm-up: the least-squares slope, the growth it implies over the
 * measured span, and the noise (standard deviation of the residuals around the line).
 *
 * <p>Flat within noise: the growth over the span is at most three times the noise, or at most {@code floor} (a
 * change too small to matter, such as one thread). A leak grows steadily, so its growth outruns its noise.
 */
record Trend(String metric, int samples, double slopePerHour, double growth, double noise, double floor) {

    /** The trend of the samples that have the metric (a failed {@code jcmd} leaves -1). */
    static Trend of(String metric, List<ProcessSample> all, double floor) {
        List<ProcessSample> samples = all.stream().filter(s -> s.metric(metric) >= 0).toList();
        int n = samples.size();
        if (n < 2) {
            return new Trend(metric, n, 0, 0, 0, floor);
        }
        double t0 = samples.get(0).nanos();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (samples.get(i).nanos() - t0) / 3.6e12;
            y[i] = samples.get(i).metric(metric);
        }
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double residuals = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - (my + slope * (x[i] - mx));
            residuals += r * r;
        }
        double noise = n > 2 ? Math.sqrt(residuals / (n - 2)) : 0;
        double span = x[n - 1] - x[0];
        return new Trend(metric, n, slope, slope * span, noise, floor);
    }

    boolean flat() {
        return growth <= Math.max(3 * noise, floor);
    }

    String line() {
        return String.format("%-17s slope %+12.1f /h   growth over run %+10.1f   noise %8.1f   %s", metric,
                slopePerHour, growth, noise, flat() ? "flat" : "GROWING");
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }
}
