package org.helpdesk.email;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counters of the email channel (helpdesk.mail.*), for dashboards and alerts on failed sends and polls. */
@Component
class MailMetrics {
    private final MeterRegistry registry;
    private final Counter imported;
    private final Counter sent;
    private final Counter failed;
    private final Counter retried;
    private final Counter pollFailed;

    MailMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.imported = Counter.builder("helpdesk.mail.imported").description("Mails that became a ticket or a message")
                .register(registry);
        this.sent = Counter.builder("helpdesk.mail.sent").description("Mails sent to contacts").register(registry);
        this.failed = Counter.builder("helpdesk.mail.failed")
                .description("Mails given up on after the last attempt (shown on the ticket)").register(registry);
        this.retried = Counter.builder("helpdesk.mail.send.retries").description("SMTP attempts that failed and will be retried")
                .register(registry);
        this.pollFailed = Counter.builder("helpdesk.mail.poll.failures").description("Mailbox polls that failed")
                .register(registry);
    }

    void imported() {
        imported.increment();
    }

    /** A mail a guard stopped and kept for an administrator; {@code reason}: flood, automatic, loop, refused. */
    void suspended(String reason) {
        registry.counter("helpdesk.mail.suspended", "reason", reason).increment();
    }

    /** A mail not imported because it already came in; {@code reason}: duplicate. */
    void ignored(String reason) {
        registry.counter("helpdesk.mail.ignored", "reason", reason).increment();
    }

    void sent() {
        sent.increment();
    }

    void failed() {
        failed.increment();
    }

    void retried() {
        retried.increment();
    }

    void pollFailed() {
        pollFailed.increment();
    }
}
