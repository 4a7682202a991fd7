package dev.camelovershoot.benchmarks;

/**
 * Asks ({@code POST /chat/completions} about the newest frame of a v1 stream) through {@code V1Client.chat} and as
 * bare {@code java.net.http} calls with the same body, alternating in blocks, one request at a time.
 *
 * @param clientMs    round trip of {@code V1Client.chat}: serialising the request, sending, parsing the answer
 * @param bareMs      round trip of the bare call: the same body as a prepared string, the answer read as a string
 * @param clientCpuMs CPU of the client JVM over the measured client blocks
 * @param bareCpuMs   CPU of the client JVM over the measured bare blocks
 */
record AskOverhead(Samples clientMs, Samples bareMs, double clientCpuMs, double bareCpuMs) {

    /** What the client adds at percentile {@code p}: its percentile minus the bare call's. */
    double overheadMs(double p) {
        return clientMs.percentile(p) - bareMs.percentile(p);
    }

    double clientCpuPerAskMs() {
        return clientCpuMs / clientMs.count();
    }

    double bareCpuPerAskMs() {
        return bareCpuMs / bareMs.count();
    }
}
