package dev.camelovershoot.benchmarks;

/**
 * What one client did over the measured window of an end-to-end run.
 *
 * @param client          {@code camel-overshoot} or {@code rtc-node}
 * @param input           what frames were given as: {@code jpeg} or {@code i420}
 * @param joinSeconds     from the first frame pushed to the first decoded (rtc-node: joins before pushing, 0)
 * @param windowFrames    frames pushed in the window
 * @param published       of those, how many the client said it sent (rtc-node: all)
 * @param delivered       of those, how many the emulator decoded
 * @param deliveredFullSize of those, how many at the size pushed (WebRTC senders may scale down under load)
 * @param clientCpuMs     CPU time of the client process over the window
 * @param emulatorCpuMs   CPU time of the emulator process over the window
 * @param latencyMs       push to decoded, per delivered frame of the window
 * @param resultLatencyMs emulator send to consumer exchange, per result sent after warm-up (empty for rtc-node)
 */
record ClientRun(String client, String codec, String input, int width, int height, double fps, double joinSeconds,
                 int windowFrames,
                 int published, int delivered, int deliveredFullSize, double windowSeconds, double clientCpuMs, double emulatorCpuMs,
                 Samples latencyMs, Samples resultLatencyMs) {

    double deliveredRatio() {
        return windowFrames == 0 ? Double.NaN : delivered / (double) windowFrames;
    }

    double cpuPerFrameMs() {
        return clientCpuMs / windowFrames;
    }

    double coreShare() {
        return clientCpuMs / 1000 / windowSeconds;
    }

    String label() {
        return client + " " + codec + " " + input;
    }
}
