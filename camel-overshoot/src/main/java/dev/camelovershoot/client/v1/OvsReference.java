package dev.camelovershoot.client.v1;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An {@code ovs://streams/{id}?query} reference to video held by a stream: one frame (sent as an {@code image_url})
 * or a window of frames (a {@code video_url}). Built with {@link #frame(String)} or {@link #window(String)}, or
 * read with {@link #parse(String)}; either way it refuses what the service would refuse (422 or 400) before anything
 * is sent: a missing anchor, two anchors of one kind, a repeated key, an unknown key, a malformed value, an end
 * that is not after its start.
 *
 * <p>Frame: exactly one of {@code frame_index} (lifetime index; negative counts back from the newest, {@code -1} is
 * the newest), {@code timestamp_ms} (stream clock: ms since the first frame) or {@code offset_ms} (relative to the
 * live edge, negative is the past; {@code >= 0} counts from the oldest retained frame); optional
 * {@code tolerance_ms} (&gt; 0, default 100) and {@code direction} ({@code nearest}, {@code forward},
 * {@code backward}), which the service ignores with {@code frame_index}.
 *
 * <p>Window: exactly one start anchor ({@code start_frame_index}, {@code start_timestamp_ms},
 * {@code start_offset_ms}), at most one end anchor of any kind ({@code end_…}, exclusive; none means the live
 * edge), optional {@code max_fps} (&gt; 0, default 1).
 */
public final class OvsReference {

    /** Which frame the resolver snaps to when none is exactly at the asked time. */
    public enum Direction { NEAREST, FORWARD, BACKWARD }

    private static final String PREFIX = "ovs://streams/";
    private static final List<String> KINDS = List.of("frame_index", "timestamp_ms", "offset_ms");
    private static final List<String> FRAME_OPTIONS = List.of("tolerance_ms", "direction");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,18}(\\.\\d+)?");
    private static final Pattern STREAM_ID = Pattern.compile("[A-Za-z0-9_.~-]+");

    private final String streamId;
    private final boolean window;
    private final Map<String, String> query;

    private OvsReference(String streamId, boolean window, Map<String, String> query) {
        this.streamId = streamId;
        this.window = window;
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /** A single frame of the stream; name its anchor next. */
    public static FrameBuilder frame(String streamId) {
        return new FrameBuilder(checkStreamId(streamId));
    }

    /** A window of the stream's frames; name its start next. */
    public static WindowBuilder window(String streamId) {
        return new WindowBuilder(checkStreamId(streamId));
    }

    /** The newest frame: {@code frame_index=-1}, resolved by the service when the request arrives. */
    public static OvsReference newestFrame(String streamId) {
        return frame(streamId).index(-1).build();
    }

    /** The last {@code span} up to the live edge, at most {@code maxFps} frames a second. */
    public static OvsReference last(String streamId, Duration span, double maxFps) {
        if (span.isNegative() || span.isZero()) {
            throw new IllegalArgumentException("A window must span more than 0 ms, was " + span);
        }
        return window(streamId).startOffset(span.negated()).maxFps(maxFps).build();
    }

    /**
     * Reads a reference, e.g. from a user's setting; a frame unless it has a {@code start_…} anchor.
     *
     * @throws IllegalArgumentException when the service would refuse it, saying why
     */
    public static OvsReference parse(String uri) {
        Objects.requireNonNull(uri, "uri");
        if (!uri.startsWith(PREFIX)) {
            throw new IllegalArgumentException("An ovs reference starts with " + PREFIX + ", was: " + uri);
        }
        int mark = uri.indexOf('?');
        String id = checkStreamId(mark < 0 ? uri.substring(PREFIX.length()) : uri.substring(PREFIX.length(), mark));
        Map<String, String> query = new LinkedHashMap<>();
        String text = mark < 0 ? "" : uri.substring(mark + 1);
        for (String pair : text.isEmpty() ? new String[0] : text.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("Malformed parameter '" + pair + "' in " + uri);
            }
            String key = pair.substring(0, equals);
            if (query.put(key, pair.substring(equals + 1)) != null) {
                throw new IllegalArgumentException("Parameter " + key + " appears twice in " + uri
                        + "; the service refuses duplicate keys (422)");
            }
        }
        boolean window = query.keySet().stream().anyMatch(key -> key.startsWith("start_"));
        return validated(id, window, query);
    }

    public String streamId() {
        return streamId;
    }

    /** Whether it names a window (a {@code video_url}) rather than one frame (an {@code image_url}). */
    public boolean window() {
        return window;
    }

    /** The query parameters, in order. */
    public Map<String, String> query() {
        return query;
    }

    /** The same frame or window of another stream, e.g. the one that replaced a reaped stream. */
    public OvsReference withStreamId(String otherStreamId) {
        return new OvsReference(checkStreamId(otherStreamId), window, query);
    }

    public String uri() {
        StringBuilder uri = new StringBuilder(PREFIX).append(streamId);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            uri.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
            separator = '&';
        }
        return uri.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OvsReference that && that.window == window && that.streamId.equals(streamId)
                && that.query.equals(query);
    }

    @Override
    public int hashCode() {
        return Objects.hash(streamId, window, query);
    }

    @Override
    public String toString() {
        return uri();
    }

    // ---- validation: the service's rules ----

    private static OvsReference validated(String streamId, boolean window, Map<String, String> query) {
        String what = (window ? "window " : "frame ") + PREFIX + streamId;
        if (window) {
            anchors(what, query, "start_", true);
            anchors(what, query, "end_", false);
        } else {
            anchors(what, query, "", true);
        }
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            checkValue(what, window, parameter.getKey(), parameter.getValue());
        }
        if (window) {
            checkOrder(what, query);
        }
        return new OvsReference(streamId, window, query);
    }

    /** Exactly one (required) or at most one anchor with this prefix. */
    private static void anchors(String what, Map<String, String> query, String prefix, boolean required) {
        List<String> present = KINDS.stream().map(prefix::concat).filter(query::containsKey).toList();
        if (present.size() > 1) {
            throw new IllegalArgumentException("A " + what + " has two " + (prefix.isEmpty() ? "" : prefix + "…")
                    + " anchors " + present + "; it takes " + (required ? "exactly" : "at most") + " one of "
                    + KINDS.stream().map(prefix::concat).toList() + " (the service answers 422)");
        }
        if (required && present.isEmpty()) {
            throw new IllegalArgumentException("A " + what + " needs one of "
                    + KINDS.stream().map(prefix::concat).toList());
        }
    }

    private static void checkValue(String what, boolean window, String key, String value) {
        String kind = window ? key.replaceFirst("^(start|end)_", "") : key;
        boolean anchor = KINDS.contains(kind) && (window ? !kind.equals(key) : true);
        boolean valid;
        if (anchor) {
            valid = kind.equals("frame_index") ? INTEGER.matcher(value).matches()
                    : NUMBER.matcher(value).matches() && (!kind.equals("timestamp_ms") || !value.startsWith("-"));
        } else if (window && key.equals("max_fps")) {
            valid = NUMBER.matcher(value).matches() && Double.parseDouble(value) > 0;
        } else if (!window && key.equals("tolerance_ms")) {
            valid = INTEGER.matcher(value).matches() && Long.parseLong(value) > 0;
        } else if (!window && key.equals("direction")) {
            valid = List.of("nearest", "forward", "backward").contains(value);
        } else {
            throw new IllegalArgumentException("A " + what + " has the unknown parameter " + key + "; it takes "
                    + (window ? "start_…, end_… (frame_index, timestamp_ms, offset_ms) and max_fps"
                    : KINDS + " and " + FRAME_OPTIONS));
        }
        if (!valid) {
            throw new IllegalArgumentException("A " + what + " has an invalid " + key + "=" + value + " ("
                    + expected(kind) + ")");
        }
    }

    private static String expected(String kind) {
        return switch (kind) {
            case "frame_index" -> "an integer; negative counts back from the newest frame";
            case "timestamp_ms" -> "ms of stream time, 0 or more";
            case "offset_ms" -> "ms relative to the live edge, negative is the past";
            case "max_fps" -> "a number above 0";
            case "tolerance_ms" -> "an integer above 0";
            default -> "nearest, forward or backward";
        };
    }

    /** An end of the same kind and sign as the start must come after it: the end is exclusive. */
    private static void checkOrder(String what, Map<String, String> query) {
        for (String kind : KINDS) {
            String start = query.get("start_" + kind);
            String end = query.get("end_" + kind);
            if (start != null && end != null && start.startsWith("-") == end.startsWith("-")
                    && Double.parseDouble(end) <= Double.parseDouble(start)) {
                throw new IllegalArgumentException("A " + what + " ends (end_" + kind + "=" + end
                        + ", exclusive) before it starts (start_" + kind + "=" + start + "): it holds no frames");
            }
        }
    }

    private static String checkStreamId(String streamId) {
        if (streamId == null || !STREAM_ID.matcher(streamId).matches()) {
            throw new IllegalArgumentException("Not a stream id: " + streamId);
        }
        return streamId;
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }

    // ---- builders ----

    /** Collects parameters, refusing a second value for a key or a second anchor of a kind at once. */
    private abstract static class Parameters<B extends Parameters<B>> {

        final String streamId;
        final boolean window;
        final Map<String, String> query = new LinkedHashMap<>();

        Parameters(String streamId, boolean window) {
            this.streamId = streamId;
            this.window = window;
        }

        @SuppressWarnings("unchecked")
        B put(String key, String value) {
            if (query.containsKey(key)) {
                throw new IllegalArgumentException(key + " is already set to " + query.get(key)
                        + "; the service refuses duplicate keys (422)");
            }
            query.put(key, value);
            validatedSoFar(key);
            return (B) this;
        }

        private void validatedSoFar(String key) {
            String prefix = key.startsWith("start_") ? "start_" : key.startsWith("end_") ? "end_" : "";
            try {
                anchors((window ? "window " : "frame ") + PREFIX + streamId, query, prefix, false);
            } catch (IllegalArgumentException twoAnchors) {
                query.remove(key);
                throw twoAnchors;
            }
        }

        public OvsReference build() {
            return validated(streamId, window, query);
        }
    }

    /** Builds a frame reference: one anchor, then the optional snapping. */
    public static final class FrameBuilder extends Parameters<FrameBuilder> {

        private FrameBuilder(String streamId) {
            super(streamId, false);
        }

        /** {@code frame_index}: a lifetime index; negative counts back from the newest ({@code -1}). */
        public FrameBuilder index(long frameIndex) {
            return put("frame_index", Long.toString(frameIndex));
        }

        /** {@code timestamp_ms}: stream time, since the stream's first frame (not the epoch). */
        public FrameBuilder at(Duration streamTime) {
            return put("timestamp_ms", millis(requireNotNegative(streamTime)));
        }

        /** {@code offset_ms}: relative to the live edge; negative is the past. */
        public FrameBuilder offset(Duration offset) {
            return put("offset_ms", millis(offset));
        }

        /** {@code tolerance_ms}: how far the resolver may snap (default 100 ms). */
        public FrameBuilder tolerance(Duration tolerance) {
            return put("tolerance_ms", millis(tolerance));
        }

        /** {@code direction}: which way it snaps (default nearest). */
        public FrameBuilder direction(Direction direction) {
            return put("direction", direction.name().toLowerCase(Locale.ROOT));
        }
    }

    /** Builds a window reference: one start, an optional end (exclusive), an optional frame rate. */
    public static final class WindowBuilder extends Parameters<WindowBuilder> {

        private WindowBuilder(String streamId) {
            super(streamId, true);
        }

        public WindowBuilder startIndex(long frameIndex) {
            return put("start_frame_index", Long.toString(frameIndex));
        }

        public WindowBuilder startAt(Duration streamTime) {
            return put("start_timestamp_ms", millis(requireNotNegative(streamTime)));
        }

        /** {@code start_offset_ms}: {@code -5 s} is the last five seconds; {@code 0} the oldest retained frame. */
        public WindowBuilder startOffset(Duration offset) {
            return put("start_offset_ms", millis(offset));
        }

        public WindowBuilder endIndex(long frameIndex) {
            return put("end_frame_index", Long.toString(frameIndex));
        }

        public WindowBuilder endAt(Duration streamTime) {
            return put("end_timestamp_ms", millis(requireNotNegative(streamTime)));
        }

        public WindowBuilder endOffset(Duration offset) {
            return put("end_offset_ms", millis(offset));
        }

        /** {@code max_fps}: at most this many frames per second of the window (default 1). */
        public WindowBuilder maxFps(double maxFps) {
            if (!(maxFps > 0) || Double.isInfinite(maxFps)) {
                throw new IllegalArgumentException("max_fps must be above 0, was " + maxFps);
            }
            return put("max_fps", BigDecimal.valueOf(maxFps).stripTrailingZeros().toPlainString());
        }
    }

    private static Duration requireNotNegative(Duration streamTime) {
        if (streamTime.isNegative()) {
            throw new IllegalArgumentException("Stream time cannot be negative, was " + streamTime);
        }
        return streamTime;
    }
}
