package dev.camelovershoot.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.client.wire.ErrorBody;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

/** Maps an error response to the exception for its status, with a message that says what to do. */
final class ApiErrors {

    private static final int MAX_DETAILS_CHARS = 500;

    private ApiErrors() {
    }

    /**
     * @param call   {@code METHOD /path}, for the message
     * @param redact removes secrets from text the service sent
     */
    static ApiException toException(int status, String call, String body, HttpHeaders headers,
                                    UnaryOperator<String> redact) {
        ErrorBody error = Json.readErrorBody(body);
        String requestId = error.requestId() != null ? error.requestId()
                : headers.firstValue("X-Request-Id").orElse(null);
        String said = error.message() != null && !error.message().isBlank() ? error.message() : error.error();
        String message = redact.apply(describe(status, call, said, error.details(), requestId));
        JsonNode details = error.details();
        String code = error.error();
        if (FrameUnavailableException.NOT_YET_PRODUCED.equals(code) || FrameUnavailableException.EVICTED.equals(code)) {
            return new FrameUnavailableException(message, status, code, requestId, details);
        }
        if (status == 401 || status == 403) {
            return new AuthenticationException(message, status, code, requestId, details);
        }
        if (status == 402) {
            return new InsufficientCreditsException(message, status, code, requestId, details);
        }
        if (status == 400 || status == 422) {
            return new ValidationException(message, status, code, requestId, details);
        }
        if (status == 404) {
            return new NotFoundException(message, status, code, requestId, details);
        }
        if (status == 429) {
            return new RateLimitException(message, code, requestId, details, retryAfter(headers),
                    RateLimits.of(headers));
        }
        if (status >= 500) {
            return new ServerException(message, status, code, requestId, details);
        }
        return new ApiException(message, status, code, requestId, details);
    }

    private static String describe(int status, String call, String said, JsonNode details, String requestId) {
        StringBuilder text = new StringBuilder(what(status)).append(" (HTTP ").append(status).append(") on ")
                .append(call);
        if (said != null && !said.isBlank()) {
            text.append(": ").append(said);
        }
        if (details != null && !details.isNull() && (status == 400 || status == 422)) {
            text.append(" (").append(shorten(describeFields(details))).append(')');
        }
        text.append(". ").append(advice(status));
        if (requestId != null) {
            text.append(" [request id ").append(requestId).append(']');
        }
        return text.toString();
    }

    private static String describeFields(JsonNode details) {
        Map<String, String> fields = ValidationException.fieldErrors(details);
        if (fields.isEmpty()) {
            return details.toString();
        }
        StringJoiner text = new StringJoiner("; ");
        fields.forEach((field, problem) -> text.add(field + ": " + problem));
        return text.toString();
    }

    private static String shorten(String text) {
        return text.length() > MAX_DETAILS_CHARS ? text.substring(0, MAX_DETAILS_CHARS) + "…" : text;
    }

    private static String what(int status) {
        return switch (status) {
            case 401 -> "The API key was rejected";
            case 403 -> "The API key may not access this";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 402 -> "Insufficient credits";
            case 400, 422 -> "The request was invalid";
            case 404 -> "Not found";
            case 429 -> "Too many requests";
            default -> status >= 500 ? "The Overshoot service failed" : "Unexpected response";
        };
    }

    private static String advice(int status) {
        return switch (status) {
            case 401 -> "Check the API key (the apiKey setting or the OVERSHOOT_API_KEY environment variable).";
            case 403 -> "Use the key that created the stream, or an account that may use this resource.";
            case 409 -> "A frame not produced yet may arrive: ask again; a region conflict needs the stream's region.";
            case 410 -> "The frame has left the stream's retention window; ask about a newer one.";
            case 402 -> "Add credits to the Overshoot account; a stream that ran out of credits must be created again.";
            case 400, 422 -> "Correct the request and send it again.";
            case 404 -> "The stream has ended, expired or never existed; create a new stream.";
            case 429 -> "Wait before retrying, and close unused streams: each API key may run only a few at once.";
            default -> status >= 500 ? "Retry later; the service may be restarting or overloaded."
                    : "Check the base URL and the client version.";
        };
    }

    /** {@code Retry-After} as seconds or as an HTTP date; absent or unreadable gives {@code null}. */
    static Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("Retry-After").map(String::trim).orElse(null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
