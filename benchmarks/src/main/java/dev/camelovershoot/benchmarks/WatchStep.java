package dev.camelovershoot.benchmarks;

/**
 * N watch loops at once in one client JVM, over the measured window.
 *
 * @param intervalSeconds each watch's interval
 * @param warmupSeconds   until every watch had delivered an answer
 * @param idleCpuMs       CPU of the client JVM over an equal window before the watches started (its floor)
 * @param answers         answers delivered in the window, all watches together
 * @param skipped         ticks skipped in the window because the previous request was still in flight
 * @param deferred        ticks deferred in the window by a backoff
 * @param failed          requests that failed in the window
 * @param latencyMs       each answer's round trip ({@code WatchAnswer.latency})
 * @param jvmThreads      live Java threads at the end of the window
 * @param nativeThreads   all threads of the process
 */
record WatchStep(int streams, double intervalSeconds, double warmupSeconds, double windowSeconds, double idleCpuMs,
                 double clientCpuMs, double emulatorCpuMs, long answers, long skipped, long deferred, long failed,
                 Samples latencyMs, long rssBytes, int jvmThreads, long nativeThreads) {

    double coreShare() {
        return clientCpuMs / 1000 / windowSeconds;
    }

    double idleCoreShare() {
        return idleCpuMs / 1000 / windowSeconds;
    }

    /** The client's CPU per answer, less the JVM's idle floor. */
    double cpuPerAnswerMs() {
        return answers == 0 ? Double.NaN : (clientCpuMs - idleCpuMs) / answers;
    }

    /** Answers delivered / answers due (one per watch and interval). */
    double answeredRatio() {
        return answers / (streams * windowSeconds / intervalSeconds);
    }
}
