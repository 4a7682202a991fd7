package dev.camelovershoot.testinfra.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests Jetty refuses before any handler sees them (a URI with {@code %00} or {@code /../..}, say)
 * with the API's JSON error body instead of Jetty's HTML page, and with {@code Connection: close}: Jetty closes such
 * a connection after answering, and a client must not reuse it for its next request.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer s ? s : response.getStatus();
        String reason = HttpStatus.getMessage(status);
        ApiException error = new ApiException(status, reason.toLowerCase().replace(' ', '_'),
                "The request could not be read: " + reason);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        Content.Sink.write(response, true, Responses.error(error, Ids.request()).toString(), callback);
        return true;
    }
}
