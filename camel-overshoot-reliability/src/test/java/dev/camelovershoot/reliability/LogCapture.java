package dev.camelovershoot.reliability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/** What the component logged at INFO and above, with when: how a user learns what went wrong. */
final class LogCapture implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.camelovershoot");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture() {
        appender.start();
        logger.addAppender(appender);
    }

    /** Messages logged at INFO or above since {@code sinceMillis} (epoch), formatted with their arguments. */
    List<String> since(long sinceMillis) {
        synchronized (appender) {
            return appender.list.stream().filter(e -> e.getTimeStamp() >= sinceMillis)
                    .filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                    .map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
        }
    }

    boolean loggedSince(long sinceMillis, Pattern pattern) {
        return since(sinceMillis).stream().anyMatch(m -> pattern.matcher(m).find());
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
