package dev.camelovershoot.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The measured part of a run: frames {@code first..last} (after the warm-up that joins the room and lets the encoder
 * and the bandwidth estimate settle), with the CPU time of the client and the emulator sampled when the first and the last were pushed.
 */
final class Window {

    private final int first;
    private final int last;
    private final long clientPid;
    private final long emulatorPid;
    private final long[] pushedNanos;
    private long startNanos;
    private long endNanos;
    private long clientCpuStart;
    private long clientCpuEnd;
    private long emulatorCpuStart;
    private long emulatorCpuEnd;

    Window(int first, int windowFrames, long clientPid, long emulatorPid) {
        this.first = first;
        this.last = first + windowFrames - 1;
        this.clientPid = clientPid;
        this.emulatorPid = emulatorPid;
        this.pushedNanos = new long[last + 1];
    }

    int last() {
        return last;
    }

    int frames() {
        return last - first + 1;
    }

    boolean contains(int counter) {
        return counter >= first && counter <= last;
    }

    long startNanos() {
        return startNanos;
    }

    /** Call just before frame {@code n} is pushed. */
    void pushing(int n) {
        pushed(n, System.nanoTime());
    }

    /** Frame {@code n} was pushed at {@code now} (nanoTime, or another process's CLOCK_MONOTONIC reading). */
    void pushed(int n, long now) {
        if (n == first) {
            startNanos = now;
            clientCpuStart = ProcessStats.cpuNanos(clientPid);
            emulatorCpuStart = ProcessStats.cpuNanos(emulatorPid);
        }
        if (n == last) {
            endNanos = now;
            clientCpuEnd = ProcessStats.cpuNanos(clientPid);
            emulatorCpuEnd = ProcessStats.cpuNanos(emulatorPid);
        }
        if (n < pushedNanos.length) {
            pushedNanos[n] = now;
        }
    }

    /** First push to last push is {@code frames() - 1} periods; scaled to {@code frames()} like the CPU. */
    double seconds() {
        return (endNanos - startNanos) / 1e9 * frames() / Math.max(1, frames() - 1);
    }

    /** CPU over the window scaled from {@code frames()-1} to {@code frames()} periods, so it is per pushed frame. */
    double clientCpuMs() {
        return scaled(clientCpuEnd - clientCpuStart);
    }

    double emulatorCpuMs() {
        return scaled(emulatorCpuEnd - emulatorCpuStart);
    }

    private double scaled(long nanos) {
        return nanos / 1e6 * frames() / Math.max(1, frames() - 1);
    }

    /** Push to decoded latency of each window frame the stream decoded (its first decode if repeated). */
    Samples latencies(List<ProbeProcess.Decoded> decoded) {
        Map<Integer, Long> firstDecode = firstDecodes(decoded);
        return new Samples(firstDecode.entrySet().stream()
                .map(e -> (e.getValue() - pushedNanos[e.getKey()]) / 1e6).toList());
    }

    int delivered(List<ProbeProcess.Decoded> decoded) {
        return firstDecodes(decoded).size();
    }

    /** Delivered window frames decoded at the width they were pushed at. */
    int deliveredAtWidth(List<ProbeProcess.Decoded> decoded, int width) {
        return (int) decoded.stream().filter(d -> contains(d.counter()) && d.width() == width)
                .map(ProbeProcess.Decoded::counter).distinct().count();
    }

    /** How many window frames were decoded at each size, e.g. {@code {1280x720=150}}: for the log. */
    Map<String, Long> sizes(List<ProbeProcess.Decoded> decoded) {
        return decoded.stream().filter(d -> contains(d.counter())).collect(Collectors.groupingBy(
                d -> d.width() + "x" + d.height(), TreeMap::new, Collectors.counting()));
    }

    private Map<Integer, Long> firstDecodes(List<ProbeProcess.Decoded> decoded) {
        Map<Integer, Long> out = new HashMap<>();
        for (ProbeProcess.Decoded frame : decoded) {
            if (contains(frame.counter())) {
                out.putIfAbsent(frame.counter(), frame.nanos());
            }
        }
        return out;
    }
}
