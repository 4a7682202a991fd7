package dev.camelovershoot.client;

import com.fasterxml.jackson.databind.JsonNode;

/** 402: the account has not enough credits to create or keep a stream. */
public class InsufficientCreditsException extends ApiException {

    public InsufficientCreditsException(String message, int status, String errorCode, String requestId, JsonNode details) {
        super(message, status, errorCode, requestId, details);
    }
}
