package org.helpdesk.ops;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The access log's lines (one per request, {@link AccessLog}) are written by Logback's {@link AsyncAppender}: the
 * request's thread only hands the event over, and a worker formats and writes it to the appenders Boot configured
 * (console, file; plain or structured), so a slow terminal or disk never adds to a request's latency. Other loggers
 * stay synchronous: their lines are rare and an error's line should be out before the process can die.
 *
 * <p>Nothing is dropped: the queue (8,192 lines) blocks callers when full instead of discarding, and stopping the
 * logging system (on shutdown) drains it. A {@code kill -9} loses the lines still queued, at most a few
 * milliseconds' worth. Boot resets Logback whenever it configures logging again; this runs again on each start.
 * It is wired here rather than in a logback-spring.xml because such a file replaces Boot's own configuration,
 * including its choice between the plain and the structured (HELPDESK_LOG_FORMAT) console format, which plain
 * Logback XML cannot make without a scripting library.
 */
@Component
class AsyncAccessLog implements ApplicationListener<ApplicationStartedEvent> {
    static final String APPENDER = "ACCESS_ASYNC";

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding: its own configuration decides
        }
        ch.qos.logback.classic.Logger access = context.getLogger("org.helpdesk.access");
        if (access.getAppender(APPENDER) != null) {
            return;
        }
        List<Appender<ILoggingEvent>> targets = new ArrayList<>();
        context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(targets::add);
        if (targets.isEmpty()) {
            return;
        }
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName(APPENDER);
        async.setQueueSize(8192);
        async.setDiscardingThreshold(0);
        async.setNeverBlock(false);
        targets.forEach(async::addAppender);
        async.start();
        access.addAppender(async);
        access.setAdditive(false);
    }
}
