package dev.camelovershoot.testinfra.livekit;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * The checks a signal request passes before a WebSocket upgrade (or a validate call) is accepted, in a LiveKit
 * server's order: token (401), join parameters (400), room (404).
 *
 * @param status HTTP status: 200 when admitted
 * @param error  why not, in fixed words (never the token)
 */
record SignalAdmission(int status, String error, Room room, LiveKitGrant grant, JoinParameters join) {

    private static final String BEARER = "Bearer ";

    static SignalAdmission check(Request request, boolean v1, LiveKitRooms rooms) {
        Fields query = Request.extractQueryParameters(request);
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header != null && !header.startsWith(BEARER)) {
            return refused(HttpStatus.UNAUTHORIZED_401, "authorization header must be Bearer");
        }
        String token = header != null ? header.substring(BEARER.length()).trim() : query.getValue("access_token");
        if (token == null || token.isEmpty()) {
            return refused(HttpStatus.UNAUTHORIZED_401, "no access token");
        }
        LiveKitGrant grant;
        try {
            grant = rooms.tokens().verify(token);
        } catch (InvalidTokenException e) {
            return refused(HttpStatus.UNAUTHORIZED_401, e.getMessage());
        }
        JoinParameters join;
        try {
            join = v1 ? JoinParameters.fromJoinRequest(query.getValue("join_request")) : JoinParameters.fromQuery(query);
        } catch (IllegalArgumentException e) {
            return refused(HttpStatus.BAD_REQUEST_400, e.getMessage());
        }
        Room room = rooms.room(grant.room());
        if (room == null) {
            return refused(HttpStatus.NOT_FOUND_404, "requested room does not exist");
        }
        return new SignalAdmission(HttpStatus.OK_200, null, room, grant, join);
    }

    boolean admitted() {
        return status == HttpStatus.OK_200;
    }

    private static SignalAdmission refused(int status, String error) {
        return new SignalAdmission(status, error, null, null, null);
    }
}
