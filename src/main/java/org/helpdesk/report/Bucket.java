package org.helpdesk.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * One day or week of a report: {@code start} is its label (the bucket's first day, a Monday for weeks), and
 * [{@code from}, {@code until}) the instants it counts — local midnights of the report's zone, so a day across a
 * daylight-saving change is 23 or 25 hours, and the first and last weeks are cut to the report's range.
 */
record Bucket(LocalDate start, Instant from, Instant until) {

    static List<Bucket> of(ReportRequest request) {
        List<Bucket> buckets = new ArrayList<>();
        LocalDate end = request.to().plusDays(1);
        LocalDate label = request.interval() == ReportRequest.Interval.WEEK
                ? request.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : request.from();
        while (label.isBefore(end)) {
            LocalDate next = request.interval() == ReportRequest.Interval.WEEK ? label.plusWeeks(1) : label.plusDays(1);
            LocalDate countFrom = label.isBefore(request.from()) ? request.from() : label;
            LocalDate countUntil = next.isAfter(end) ? end : next;
            buckets.add(new Bucket(label, midnight(request, countFrom), midnight(request, countUntil)));
            label = next;
        }
        return buckets;
    }

    private static Instant midnight(ReportRequest request, LocalDate day) {
        return day.atStartOfDay(request.timezone()).toInstant();
    }
}
