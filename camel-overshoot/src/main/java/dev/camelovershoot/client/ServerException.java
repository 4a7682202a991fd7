package dev.camelovershoot.client;

import com.fasterxml.jackson.databind.JsonNode;

/** 5xx: the service failed or is unavailable; retrying later may succeed. */
public class ServerException extends ApiException {

    public ServerException(String message, int status, String errorCode, String requestId, JsonNode details) {
        super(message, status, errorCode, requestId, details);
    }
}
