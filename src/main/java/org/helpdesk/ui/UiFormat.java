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
