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
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.URISupport;

/**
 * The options that define an Overshoot stream: every {@link OvershootConfiguration} option not labelled
 * {@code consumer} or {@code producer}. Endpoints sharing a stream name are merged on these, counting only the
 * options each endpoint's URI gave, so one endpoint may carry them all; two endpoints giving different values are a
 * configuration error. Which options these are comes from their {@link UriParam} labels, so that a new option is
 * covered without being listed here; their values are read and written through Camel's generated configurer.
 */
final class StreamOptions {

    /** The stream options by lower-case name, each with whether it is secret. */
    private static final Map<String, Option> OPTIONS = streamOptions();

    private record Option(String name, boolean secret) {
    }

    private StreamOptions() {
    }

    /** The stream-defining options among those given on a URI, by their canonical names. */
    static Set<String> among(Collection<String> uriOptions) {
        Set<String> names = new TreeSet<>();
        for (String option : uriOptions) {
            Option known = OPTIONS.get(option.toLowerCase(Locale.ROOT));
            if (known != null) {
                names.add(known.name());
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
        Values values = new Values(endpoints.get(0).getCamelContext());
        Map<String, OvershootEndpoint> givenBy = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        for (OvershootEndpoint endpoint : endpoints) {
            for (String option : endpoint.getStreamOptions()) {
                OvershootEndpoint first = givenBy.putIfAbsent(option, endpoint);
                Object value = values.get(option, endpoint.getConfiguration());
                if (first == null) {
                    values.set(option, merged, value);
                } else if (!Objects.equals(values.get(option, first.getConfiguration()), value)) {
                    conflicts.add(option + " is " + values.shown(option, first.getConfiguration()) + " on "
                            + uri(first) + " but " + values.shown(option, endpoint.getConfiguration()) + " on "
                            + uri(endpoint));
                }
            }
        }
        failOnConflicts(streamName, conflicts);
        return merged;
    }

    /** Checks an endpoint joining a running stream: each option it gives must equal the stream's. */
    static void checkJoining(String streamName, OvershootEndpoint endpoint, OvershootConfiguration running) {
        List<String> conflicts = new ArrayList<>();
        Values values = new Values(endpoint.getCamelContext());
        for (String option : endpoint.getStreamOptions()) {
            if (!Objects.equals(values.get(option, running), values.get(option, endpoint.getConfiguration()))) {
                conflicts.add(option + " is " + values.shown(option, endpoint.getConfiguration()) + " on "
                        + uri(endpoint) + " but the running stream has " + values.shown(option, running));
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

    private static String uri(OvershootEndpoint endpoint) {
        return URISupport.sanitizeUri(endpoint.getEndpointUri());
    }

    private static Map<String, Option> streamOptions() {
        Map<String, Option> options = new LinkedHashMap<>();
        for (Field field : OvershootConfiguration.class.getDeclaredFields()) {
            UriParam param = field.getAnnotation(UriParam.class);
            if (param != null && !param.label().contains("consumer") && !param.label().contains("producer")) {
                options.put(field.getName().toLowerCase(Locale.ROOT), new Option(field.getName(), param.secret()));
            }
        }
        return Map.copyOf(options);
    }

    /** Option values of configurations, through the configurer Camel generated for {@link OvershootConfiguration}. */
    private static final class Values {

        private final CamelContext context;
        private final PropertyConfigurer configurer;
        private final PropertyConfigurerGetter getter;

        Values(CamelContext context) {
            this.context = context;
            PropertyConfigurer found = PluginHelper.getConfigurerResolver(context)
                    .resolvePropertyConfigurer(OvershootConfiguration.class.getName(), context);
            if (!(found instanceof PropertyConfigurerGetter getter)) {
                throw new IllegalStateException("No generated configurer for " + OvershootConfiguration.class.getName()
                        + " on the classpath: the camel-overshoot jar is incomplete");
            }
            this.configurer = found;
            this.getter = getter;
        }

        Object get(String option, OvershootConfiguration configuration) {
            return getter.getOptionValue(configuration, option, false);
        }

        void set(String option, OvershootConfiguration configuration, Object value) {
            configurer.configure(context, configuration, option, value, false);
        }

        String shown(String option, OvershootConfiguration configuration) {
            Object value = get(option, configuration);
            return OPTIONS.get(option.toLowerCase(Locale.ROOT)).secret() && value != null ? "'***'" : "'" + value + "'";
        }
    }
}
