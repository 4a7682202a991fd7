package dev.camelovershoot.client;

import com.fasterxml.jackson.databind.JsonNode;

/** 400 or 422: the request was invalid; {@link #details()} names the offending fields. */
public class ValidationException extends ApiException {

    public ValidationException(String message, int status, String errorCode, String requestId, JsonNode details) {
        super(message, status, errorCode, requestId, details);
    }
}
