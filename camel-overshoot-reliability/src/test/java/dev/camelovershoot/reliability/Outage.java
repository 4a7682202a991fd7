package dev.camelovershoot.reliability;

import java.time.Duration;

/**
 * One fault of a schedule and how the route came through it.
 *
 * @param survived         a result came within the bound after the service was back, with no restart
 * @param recovery         from the service's return to the next result received; null when not survived
 * @param disturbedFrom    from here (nanoTime) ...
 * @param disturbedUntil   ... to here the route was cut off: results the emulator sent meanwhile may be lost
 */
record Outage(String name, boolean survived, Duration recovery, long disturbedFrom, long disturbedUntil) {

    boolean disturbed(long nanos) {
        return nanos >= disturbedFrom && nanos < disturbedUntil;
    }
}
