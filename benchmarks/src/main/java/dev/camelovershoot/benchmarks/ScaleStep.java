package dev.camelovershoot.benchmarks;

/**
 * N streams at once from one client JVM, over the measured window.
 *
 * @param connected       streams the emulator had decoded a frame of when the window opened
 * @param windowFrames    frames pushed in the window, all streams together
 * @param delivered       of those, how many were decoded
 * @param baselineRssBytes the client's resident memory before the first scale step, with no stream
 * @param jvmThreads      live Java threads at the end of the window
 * @param nativeThreads   all threads of the process (WebRTC's own included)
 */
record ScaleStep(int streams, int width, int height, double fps, int connected, double warmupSeconds,
                 int windowFrames, int delivered, double windowSeconds, double clientCpuMs, double emulatorCpuMs,
                 long rssBytes, long baselineRssBytes, int jvmThreads, long nativeThreads) {

    double deliveredRatio() {
        return windowFrames == 0 ? Double.NaN : delivered / (double) windowFrames;
    }

    double coreShare() {
        return clientCpuMs / 1000 / windowSeconds;
    }

    double memoryPerStreamMb() {
        return (rssBytes - baselineRssBytes) / 1e6 / streams;
    }
}
