package org.helpdesk.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Times as the pages show them (templates call it as {@code @uiFormat}): relative, with the absolute one beside. */
@Component("uiFormat")
public class UiFormat {
    private static final DateTimeFormatter ABSOLUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;

    UiFormat(Clock clock) {
        this.clock = clock;
    }

    public String absolute(Instant at) {
        return at == null ? "" : ABSOLUTE.format(at);
    }

    public String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    public String ago(Instant at) {
        return at == null ? "" : ago(Duration.between(at, clock.instant()));
    }

    static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return "just now";
        }
        if (s < 3600) {
            return (s / 60) + " min ago";
        }
        if (s < 86_400) {
            return (s / 3600) + " h ago";
        }
        long days = s / 86_400;
        return days == 1 ? "yesterday" : days + " days ago";
    }

    // SLA (API §11): the time left or overdue of a ticket's earliest unmet due time, as text and a class.

    /** "due in 42 min", "overdue by 1 h 5 min", "paused", or null without a due time. */
    public String sla(org.helpdesk.ticket.Ticket ticket) {
        org.helpdesk.ticket.TicketSla sla = ticket.sla();
        if (sla == null || sla.dueAt() == null) {
            return null;
        }
        if (paused(sla)) {
            return "paused";
        }
        Duration left = Duration.between(clock.instant(), sla.dueAt());
        return left.isNegative() ? "overdue by " + span(left.negated()) : "due in " + span(left);
    }

    /** The colour class beside the text (never the colour alone): overdue, due within the hour, later, paused. */
    public String slaClass(org.helpdesk.ticket.Ticket ticket) {
        org.helpdesk.ticket.TicketSla sla = ticket.sla();
        if (sla == null || sla.dueAt() == null) {
            return "sla-none";
        }
        if (paused(sla)) {
            return "sla-paused";
        }
        Duration left = Duration.between(clock.instant(), sla.dueAt());
        return left.isNegative() ? "sla-overdue" : left.compareTo(Duration.ofHours(1)) <= 0 ? "sla-soon" : "sla-ok";
    }

    /** Pending and only the (paused) resolution due time left unmet. */
    private static boolean paused(org.helpdesk.ticket.TicketSla sla) {
        return sla.pausedSince() != null && sla.dueAt().equals(sla.resolutionDueAt())
                && (sla.firstResponseDueAt() == null || !sla.firstResponseDueAt().equals(sla.dueAt()));
    }

    /** 42 min, 1 h 5 min, 2 d 3 h (whole minutes, at least 1 min). */
    static String span(Duration d) {
        long minutes = Math.max(1, (d.toSeconds() + 59) / 60);
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
    }

    /** A file size for people: 512 bytes, 12 KB, 3.4 MB. */
    public String bytes(long size) {
        if (size < 1024) {
            return size + (size == 1 ? " byte" : " bytes");
        }
        if (size < 1024 * 1024) {
            return Math.round(size / 1024.0) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", size / (1024.0 * 1024.0));
    }
}
