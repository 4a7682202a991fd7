package dev.camelovershoot.component;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;

/** Keeps what a consumer hands its exception handler. */
final class RecordingExceptionHandler implements ExceptionHandler {

    private final List<Throwable> handled;

    RecordingExceptionHandler(List<Throwable> handled) {
        this.handled = handled;
    }

    @Override
    public void handleException(Throwable exception) {
        handled.add(exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handled.add(exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        handled.add(exception);
    }
}
