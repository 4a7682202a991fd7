package dev.camelovershoot.testinfra.v1;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code ovs://streams/{id}?<query>} reference: one frame ({@code image_url}) or a window
 * ({@code video_url}). Parsing refuses what the service refuses: a malformed URL or value (400
 * {@code stream_url_invalid}, {@code query_param_invalid}), a duplicate key, a missing anchor or two anchors of one
 * kind (422).
 */
sealed interface OvsReference permits OvsReference.Frame, OvsReference.Window {

    /** What an anchor counts in: lifetime frame index, stream-clock ms, or ms relative to the live edge. */
    enum Kind { FRAME_INDEX, TIMESTAMP, OFFSET }

    enum Direction { NEAREST, FORWARD, BACKWARD }

    record Anchor(Kind kind, double value) {
    }

    /** {@code image_url}: exactly one anchor; tolerance and direction apply to the time anchors only. */
    record Frame(String streamId, Anchor anchor, long toleranceMs, Direction direction) implements OvsReference {
    }

    /** {@code video_url}: a start anchor, an optional exclusive end anchor (none: the live edge), a sampling cap. */
    record Window(String streamId, Anchor start, Anchor end, double maxFps) implements OvsReference {
    }

    String streamId();

    long DEFAULT_TOLERANCE_MS = 100;
    double DEFAULT_MAX_FPS = 1.0;

    /** Whether a part's URL is an ovs:// reference (anything else is a data: image or refused). */
    static boolean isOvs(String url) {
        return url.regionMatches(true, 0, "ovs://", 0, "ovs://".length());
    }

    /**
     * @param loc where the URL sits in the request, for 422 field errors
     * @throws V1Error for anything the service refuses
     */
    static OvsReference parse(String url, boolean window, List<Object> loc) {
        Matcher m = Parsing.URL.matcher(url);
        if (!m.matches()) {
            throw V1Error.chat(400, "validation_error", "stream_url_invalid",
                    "Not a stream reference: expected ovs://streams/{stream_id}?<query>");
        }
        Map<String, String> query = Parsing.query(m.group(2) == null ? "" : m.group(2), loc);
        return window ? Parsing.window(m.group(1), query, loc) : Parsing.frame(m.group(1), query, loc);
    }

    /** The grammar; not part of the interface's API. */
    final class Parsing {

        private static final Pattern URL = Pattern.compile("(?i:ovs)://streams/([^/?#]+)(?:\\?([^#]*))?");
        private static final Map<String, Kind> FRAME_ANCHORS =
                Map.of("frame_index", Kind.FRAME_INDEX, "timestamp_ms", Kind.TIMESTAMP, "offset_ms", Kind.OFFSET);
        private static final Set<String> FRAME_OPTIONS = Set.of("tolerance_ms", "direction");

        private Parsing() {
        }

        private static Frame frame(String streamId, Map<String, String> query, List<Object> loc) {
            requireKnown(query, FRAME_ANCHORS.keySet(), FRAME_OPTIONS);
            Anchor anchor = single(query, "", loc, true);
            long tolerance = DEFAULT_TOLERANCE_MS;
            if (query.containsKey("tolerance_ms")) {
                double value = number(query, "tolerance_ms");
                if (value <= 0 || value != Math.rint(value)) {
                    throw invalid("tolerance_ms must be a whole number of milliseconds above 0");
                }
                tolerance = (long) value;
            }
            Direction direction = Direction.NEAREST;
            if (query.containsKey("direction")) {
                try {
                    direction = Direction.valueOf(query.get("direction").toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw invalid("direction must be nearest, forward or backward");
                }
            }
            return new Frame(streamId, anchor, tolerance, direction);
        }

        private static Window window(String streamId, Map<String, String> query, List<Object> loc) {
            Set<String> anchors = Set.of("start_frame_index", "start_timestamp_ms", "start_offset_ms",
                    "end_frame_index", "end_timestamp_ms", "end_offset_ms");
            requireKnown(query, anchors, Set.of("max_fps"));
            Anchor start = single(query, "start_", loc, true);
            Anchor end = single(query, "end_", loc, false);
            double maxFps = query.containsKey("max_fps") ? number(query, "max_fps") : DEFAULT_MAX_FPS;
            if (maxFps <= 0) {
                throw invalid("max_fps must be above 0");
            }
            if (end != null && start.kind() == end.kind() && resolvedSameWay(start, end) && start.value() >= end.value()) {
                throw V1Error.chat(400, "validation_error", "segment_invalid",
                        "The window's end must come after its start (end anchors are exclusive)");
            }
            return new Window(streamId, start, end, maxFps);
        }

        /** Two anchors of one kind compare directly unless their signs put them on different reference points. */
        private static boolean resolvedSameWay(Anchor a, Anchor b) {
            return a.kind() == Kind.TIMESTAMP || (a.value() < 0) == (b.value() < 0);
        }

        /** The one anchor with this prefix ({@code ""}, {@code start_}, {@code end_}); 422 for two. */
        private static Anchor single(Map<String, String> query, String prefix, List<Object> loc, boolean required) {
            Anchor found = null;
            for (Map.Entry<String, Kind> anchor : FRAME_ANCHORS.entrySet()) {
                String key = prefix + anchor.getKey();
                if (!query.containsKey(key)) {
                    continue;
                }
                if (found != null) {
                    throw V1Error.validation(loc, "Give exactly one " + (prefix.isEmpty() ? "" : prefix + "* ")
                            + "anchor: frame_index, timestamp_ms or offset_ms");
                }
                double value = number(query, key);
                if (anchor.getValue() == Kind.FRAME_INDEX && value != Math.rint(value)) {
                    throw invalid(key + " must be a whole number");
                }
                if (anchor.getValue() == Kind.TIMESTAMP && value < 0) {
                    throw invalid(key + " is stream time and cannot be negative");
                }
                found = new Anchor(anchor.getValue(), value);
            }
            if (found == null && required) {
                throw V1Error.validation(loc, "A " + (prefix.isEmpty() ? "frame reference needs an anchor"
                        : "window needs a start anchor") + ": " + prefix + "frame_index, " + prefix + "timestamp_ms or "
                        + prefix + "offset_ms");
            }
            return found;
        }

        private static void requireKnown(Map<String, String> query, Set<String> anchors, Set<String> options) {
            for (String key : query.keySet()) {
                if (!anchors.contains(key) && !options.contains(key)) {
                    throw invalid("Unknown query parameter '" + key + "'");
                }
            }
        }

        private static Map<String, String> query(String raw, List<Object> loc) {
            Map<String, String> query = new LinkedHashMap<>();
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (query.put(key, value) != null) {
                    throw V1Error.validation(loc, "Duplicate query parameter '" + key + "'");
                }
            }
            return query;
        }

        private static double number(Map<String, String> query, String key) {
            try {
                double value = Double.parseDouble(query.get(key));
                if (!Double.isFinite(value)) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                throw invalid(key + " must be a number");
            }
        }

        private static V1Error invalid(String message) {
            return V1Error.chat(400, "validation_error", "query_param_invalid", message);
        }
    }
}
