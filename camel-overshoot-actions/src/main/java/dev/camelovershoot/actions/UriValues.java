package dev.camelovershoot.actions;

/**
 * Option values for Camel endpoint URIs. Camel decodes percent-encoding more than once while it normalizes a URI (a
 * {@code %25} becomes {@code %} and then breaks), so values go in as {@code RAW(...)}, taken literally. Camel ends a
 * raw value at the first {@code )} followed by {@code &}; its {@code RAW{...}} form would not help, as a JSON value
 * starting with a brace would read as a property placeholder.
 */
final class UriValues {

    private UriValues() {
    }

    static String raw(String value) {
        if (value.contains(")&")) {
            throw new IllegalArgumentException("a URI option value cannot hold \")&\": " + value);
        }
        return "RAW(" + value + ")";
    }
}
