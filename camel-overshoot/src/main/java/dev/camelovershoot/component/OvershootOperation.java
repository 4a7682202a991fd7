package dev.camelovershoot.component;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What an {@code overshoot:} producer does with an exchange (Camel-style option values). */
public enum OvershootOperation {
    /** The body is a video frame to send to the stream. */
    publishFrame,
    /** The body is the new prompt; it applies from the next inference on. */
    updatePrompt,
    /** The body becomes the service's {@code List<ModelInfo>}. */
    listModels,
    /** Runs the body (a prompt) on the clip behind the result named by header {@code CamelOvershootResultId}. */
    reinfer,
    /**
     * Closes the stream now: it is deleted on the service and its consumers receive the end. With header
     * CamelOvershootStreamKey only that key's stream (nothing when none is open); its next frame opens a new one.
     */
    closeStream,
    /** v1: asks the body (a question) about the newest frame, a window or a given ovs:// reference; the answer. */
    ask,
    /** v1: the body becomes a subscribe-only {@code ViewerToken} for watching the stream. */
    viewerToken,
    /** v1: the body becomes the stream's {@code StreamInfo} (frame counts, fps, lease, ...). */
    streamInfo;

    /** Whether the operation acts on the endpoint's stream (all but listModels). */
    boolean needsStream() {
        return this != listModels;
    }

    /**
     * The operation a header names (the enum or its name, any case), or {@code fallback} without one.
     *
     * @throws IllegalArgumentException for a name that is no operation, listing the operations
     */
    static OvershootOperation of(Object header, OvershootOperation fallback) {
        if (header == null) {
            return fallback;
        }
        for (OvershootOperation operation : values()) {
            if (operation == header || operation.name().equalsIgnoreCase(header.toString().strip())) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown operation '" + header + "' in header " + OvershootConstants.OPERATION
                + ": use " + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
