package dev.camelovershoot.testinfra.frames;

import java.awt.image.BufferedImage;

/**
 * One decoded frame as the emulator keeps it.
 *
 * @param index          lifetime index in its stream, from 0
 * @param timestampMs    stream clock: milliseconds since the stream's first frame
 * @param receivedNanos  {@link System#nanoTime()} when the frame reached the store
 * @param width          width of the frame as received
 * @param height         height of the frame as received
 * @param image          an RGB copy scaled down to the store's maximum side; never modified after creation
 */
public record EmulatorFrame(long index, long timestampMs, long receivedNanos, int width, int height, BufferedImage image) {
}
