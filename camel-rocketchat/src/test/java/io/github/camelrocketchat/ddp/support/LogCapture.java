package io.github.camelrocketchat.ddp.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures everything our packages log, down to TRACE, while open; nothing reaches the console meanwhile.
 * Each captured line holds the formatted message and the full text of any exception (messages and causes).
 */
public final class LogCapture implements AutoCloseable {
    private static final String PACKAGE = "io.github.camelrocketchat";

    private final String loggerName;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Level> levels = new CopyOnWriteArrayList<>();
    private final LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    private final AbstractAppender appender;
    private final LoggerConfig previous;

    public LogCapture() {
        this(PACKAGE);
    }

    /** Captures everything logged under {@code loggerName} (a package, or {@code ""} for every logger). */
    public LogCapture(String loggerName) {
        this.loggerName = loggerName;
        appender = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder sb = new StringBuilder(event.getLoggerName()).append(' ')
                        .append(event.getMessage().getFormattedMessage());
                for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
                    sb.append(" | ").append(t);
                }
                lines.add(sb.toString());
                levels.add(event.getLevel());
            }
        };
        appender.start();
        Configuration config = ctx.getConfiguration();
        previous = config.getLoggerConfig(loggerName);
        LoggerConfig capture = new LoggerConfig(loggerName, Level.ALL, false);
        capture.addAppender(appender, Level.ALL, null);
        config.removeLogger(loggerName);
        config.addLogger(loggerName, capture);
        ctx.updateLoggers();
    }

    public List<String> lines() {
        return lines;
    }

    public String all() {
        return String.join("\n", lines);
    }

    /** Lines logged at {@code level}. */
    public List<String> at(Level level) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (levels.get(i) == level) {
                out.add(lines.get(i));
            }
        }
        return out;
    }

    @Override
    public void close() {
        Configuration config = ctx.getConfiguration();
        config.removeLogger(loggerName);
        if (previous.getName().equals(loggerName)) {
            config.addLogger(loggerName, previous);
        }
        ctx.updateLoggers();
        appender.stop();
    }
}
