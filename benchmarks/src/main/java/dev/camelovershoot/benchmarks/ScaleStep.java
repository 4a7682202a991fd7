package dev.camelovershoot.benchmarks;

/**
 * N streams at once from one client JVM, over the measured window.
 *
 * @param connected       streams the emulator had decoded a frame of when the window opened
 * @param windowFrames    frames pushed in the window, all streams together
 * @param published       of those, how many the producers published ({@code CamelOvershootFramePublished})
 * @param delivered       of those, how many were decoded
 * @param heapBytes       Java heap used after a full GC at the end of the window
 * @param jvmThreads      live Java threads at the end of the window
 * @param nativeThreads   all threads of the process (WebRTC's own included)
 */
record ScaleStep(int streams, int width, int height, double fps, int connected, double warmupSeconds,
                 int windowFrames, int published, int delivered, double windowSeconds, double clientCpuMs,
                 double emulatorCpuMs, long rssBytes, long heapBytes, int jvmThreads, long nativeThreads) {

    double deliveredRatio() {
        return windowFrames == 0 ? Double.NaN : delivered / (double) windowFrames;
    }

    double coreShare() {
        return clientCpuMs / 1000 / windowSeconds;
    }

    /**
     * Resident memory each stream adds, from a smaller step of the same run: a JVM that has run the end-to-end
     * benchmarks has no clean "no stream" baseline (its heap grows and shrinks with what ran before).
     */
    double memoryPerStreamMb(ScaleStep smaller) {
        return (rssBytes - smaller.rssBytes) / 1e6 / (streams - smaller.streams);
    }

    /** Java heap each stream adds, from a smaller step (heap used after a full GC at both). */
    double heapPerStreamMb(ScaleStep smaller) {
        return (heapBytes - smaller.heapBytes) / 1e6 / (streams - smaller.streams);
    }

    /** Threads (native ones included) each stream adds, from a smaller step. */
    double threadsPerStream(ScaleStep smaller) {
        return (nativeThreads - smaller.nativeThreads) / (double) (streams - smaller.streams);
    }

    /** Java threads each stream adds, from a smaller step. */
    double jvmThreadsPerStream(ScaleStep smaller) {
        return (jvmThreads - smaller.jvmThreads) / (double) (streams - smaller.streams);
    }
}
