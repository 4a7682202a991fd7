package dev.camelovershoot.benchmarks;

/**
 * An ask ({@code POST /chat/completions} about the newest frame of a v1 stream) through {@code V1Client.chat}
 * and as a bare {@code java.net.http} call with the same body, interleaved, one request at a time.
 *
 * @param pairs    measured pairs (one client ask and one bare call each)
 * @param clientMs round trip of {@code V1Client.chat}: serialising the request, sending, parsing the answer
 * @param bareMs   round trip of the bare call: the same body as a prepared string, the answer read as a string
 */
record AskOverhead(int pairs, Samples clientMs, Samples bareMs) {

    /** What the client adds at percentile {@code p}: its percentile minus the bare call's. */
    double overheadMs(double p) {
        return clientMs.percentile(p) - bareMs.percentile(p);
    }
}
