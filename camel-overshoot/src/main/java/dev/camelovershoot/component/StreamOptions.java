package dev.camelovershoot.component;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.spi.UriParam;
import org.apache.camel.util.URISupport;

/**
 * The options that define an Overshoot stream: every {@link OvershootConfiguration} option not labelled
 * {@code consumer} or {@code producer}. Endpoints sharing a stream name are merged on these, counting only the
 * options each endpoint's URI gave, so one endpoint may carry them all; two endpoints giving different values are a
 * configuration error. Read from the annotations so that a new option is covered without being listed here.
 */
final class StreamOptions {

    private static final Map<String, Field> FIELDS = streamFields();

    private StreamOptions() {
    }

    /** The stream-defining options among those given on a URI, by their canonical names. */
    static Set<String> among(Collection<String> uriOptions) {
        Set<String> names = new TreeSet<>();
        for (String option : uriOptions) {
            Field field = field(option);
            if (field != null) {
                names.add(field.getName());
            }
        }
        return names;
    }

    /**
     * The configuration of a new stream: the first endpoint's, with the options every endpoint gave.
     *
     * @throws IllegalArgumentException naming each option two endpoints give different values
     */
    static OvershootConfiguration merge(String streamName, List<OvershootEndpoint> endpoints) {
        OvershootConfiguration merged = endpoints.get(0).getConfiguration().copy();
        Map<String, OvershootEndpoint> givenBy = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        for (OvershootEndpoint endpoint : endpoints) {
            for (String option : endpoint.getStreamOptions()) {
                OvershootEndpoint first = givenBy.putIfAbsent(option, endpoint);
                Object value = value(option, endpoint.getConfiguration());
                if (first == null) {
                    set(option, merged, value);
                } else if (!Objects.equals(value(option, first.getConfiguration()), value)) {
                    conflicts.add(option + " is " + shown(option, first.getConfiguration()) + " on " + uri(first)
                            + " but " + shown(option, endpoint.getConfiguration()) + " on " + uri(endpoint));
                }
            }
        }
        failOnConflicts(streamName, conflicts);
        return merged;
    }

    /** Checks an endpoint joining a running stream: each option it gives must equal the stream's. */
    static void checkJoining(String streamName, OvershootEndpoint endpoint, OvershootConfiguration running) {
        List<String> conflicts = new ArrayList<>();
        for (String option : endpoint.getStreamOptions()) {
            if (!Objects.equals(value(option, running), value(option, endpoint.getConfiguration()))) {
                conflicts.add(option + " is " + shown(option, endpoint.getConfiguration()) + " on " + uri(endpoint)
                        + " but the running stream has " + shown(option, running));
            }
        }
        failOnConflicts(streamName, conflicts);
    }

    private static void failOnConflicts(String streamName, List<String> conflicts) {
        if (!conflicts.isEmpty()) {
            throw new IllegalArgumentException("The endpoints of Overshoot stream '" + streamName
                    + "' share one stream and must agree on its options: " + String.join("; ", conflicts));
        }
    }

    private static String shown(String option, OvershootConfiguration configuration) {
        Object value = value(option, configuration);
        return field(option).getAnnotation(UriParam.class).secret() && value != null
                ? "'***'" : "'" + value + "'";
    }

    private static String uri(OvershootEndpoint endpoint) {
        return URISupport.sanitizeUri(endpoint.getEndpointUri());
    }

    private static Object value(String option, OvershootConfiguration configuration) {
        try {
            return field(option).get(configuration);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void set(String option, OvershootConfiguration configuration, Object value) {
        try {
            field(option).set(configuration, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field field(String option) {
        return FIELDS.get(option.toLowerCase(Locale.ROOT));
    }

    private static Map<String, Field> streamFields() {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Field field : OvershootConfiguration.class.getDeclaredFields()) {
            UriParam param = field.getAnnotation(UriParam.class);
            if (param != null && !param.label().contains("consumer") && !param.label().contains("producer")) {
                field.setAccessible(true);
                fields.put(field.getName().toLowerCase(Locale.ROOT), field);
            }
        }
        return Map.copyOf(fields);
    }
}
