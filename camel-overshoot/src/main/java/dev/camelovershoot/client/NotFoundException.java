package dev.camelovershoot.client;

import com.fasterxml.jackson.databind.JsonNode;

/** 404: the stream or resource does not exist, or no longer does (ended, expired, deleted). */
public class NotFoundException extends ApiException {

    public NotFoundException(String message, int status, String errorCode, String requestId, JsonNode details) {
        super(message, status, errorCode, requestId, details);
    }
}
