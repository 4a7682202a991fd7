package dev.camelovershoot.client;

import com.fasterxml.jackson.databind.JsonNode;

/** 401: the API key is missing, invalid or revoked; 403: the key is valid but may not access the resource. */
public class AuthenticationException extends ApiException {

    public AuthenticationException(String message, int status, String errorCode, String requestId, JsonNode details) {
        super(message, status, errorCode, requestId, details);
    }
}
