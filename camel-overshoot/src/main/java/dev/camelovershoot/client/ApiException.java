package dev.camelovershoot.client;

import com.fasterxml.jackson.databind.JsonNode;

/** The service answered with an error status. */
public class ApiException extends OvershootException {

    private final int status;
    private final String errorCode;
    private final String requestId;
    private final transient JsonNode details;

    public ApiException(String message, int status, String errorCode, String requestId, JsonNode details) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        this.requestId = requestId;
        this.details = details;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The service's machine-readable code ({@code error} in the body), or {@code null}. */
    public String errorCode() {
        return errorCode;
    }

    /** The service's request id (body {@code request_id} or header {@code X-Request-Id}), or {@code null}. */
    public String requestId() {
        return requestId;
    }

    /** The body's {@code details}, or {@code null}. */
    public JsonNode details() {
        return details;
    }
}
