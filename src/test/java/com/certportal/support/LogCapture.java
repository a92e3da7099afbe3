package com.certportal.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What the application logged while a test ran (every logger, every thread, the server's threads
 * included), so that a test can say "this was not logged as a server error".
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<ILoggingEvent> events = new ArrayList<>();

    private LogCapture() {}

    public static LogCapture capture() {
        LogCapture capture = new LogCapture();
        capture.setName("test-log-capture");
        capture.start();
        root().addAppender(capture);
        return capture;
    }

    @Override
    protected void append(ILoggingEvent event) {
        synchronized (events) {
            events.add(event);
        }
    }

    /** ERROR events, and WARN events that carry a stack trace: what a server error leaves in a log. */
    public List<String> serverErrors() {
        synchronized (events) {
            return events.stream()
                    .filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)
                            || (e.getLevel().isGreaterOrEqual(Level.WARN) && e.getThrowableProxy() != null))
                    .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()
                            + (e.getThrowableProxy() == null
                                    ? ""
                                    : " [" + e.getThrowableProxy().getClassName() + "]"))
                    .toList();
        }
    }

    /** WARN events as "logger: message", whatever they carry. */
    public List<String> warnings() {
        synchronized (events) {
            return events.stream()
                    .filter(e -> e.getLevel() == Level.WARN)
                    .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage())
                    .toList();
        }
    }

    @Override
    public void close() {
        root().detachAppender(this);
        stop();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
