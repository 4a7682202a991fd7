package dev.camelovershoot.testinfra.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;

/** An error answer: the status, the body's {@code error} code, {@code message} and {@code details}, and headers. */
final class ApiException extends RuntimeException {

    private final int status;
    private final String error;
    private final transient JsonNode details;
    private final Map<String, String> headers;

    ApiException(int status, String error, String message) {
        this(status, error, message, null, Map.of());
    }

    ApiException(int status, String error, String message, JsonNode details, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.details = details;
        this.headers = Map.copyOf(headers);
    }

    static ApiException streamNotFound() {
        return new ApiException(404, "stream_not_found", "Stream not found");
    }

    static ApiException insufficientCredits() {
        return new ApiException(402, "insufficient_credits", "Insufficient credits");
    }

    /** An error a test asked for: the usual code for the status, so that clients see a proper error body. */
    static ApiException injected(int status) {
        String error = switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 402 -> "insufficient_credits";
            case 404 -> "stream_not_found";
            case 422 -> "validation_error";
            case 429 -> "rate_limited";
            case 500 -> "internal";
            case 503 -> "service_unavailable";
            default -> "error";
        };
        return new ApiException(status, error, HttpStatus.getMessage(status));
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    JsonNode details() {
        return details;
    }

    Map<String, String> headers() {
        return headers;
    }
}
