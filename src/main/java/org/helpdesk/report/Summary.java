package org.helpdesk.report;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The answer of {@code GET /api/helpdesk/reports/summary} (API §13); minutes carry one decimal. */
@JsonPropertyOrder({"from", "to", "interval", "timezone", "series", "totals", "byAssignee", "byCategory"})
public record Summary(LocalDate from, LocalDate to, String interval, String timezone, List<Point> series,
                      Totals totals, List<ByAssignee> byAssignee, List<ByCategory> byCategory) {

    /** The series' fields, in the order of the CSV's header. */
    public static final List<String> SERIES_FIELDS = List.of("start", "created", "resolved",
            "firstResponseMedianMinutes", "firstResponseP90Minutes", "resolutionMedianMinutes");

    @JsonPropertyOrder({"start", "created", "resolved", "firstResponseMedianMinutes", "firstResponseP90Minutes",
            "resolutionMedianMinutes"})
    public record Point(LocalDate start, long created, long resolved, Double firstResponseMedianMinutes,
                        Double firstResponseP90Minutes, Double resolutionMedianMinutes) {
    }

    @JsonPropertyOrder({"created", "resolved", "firstResponseMedianMinutes", "firstResponseP90Minutes",
            "resolutionMedianMinutes", "slaFirstResponseMet", "slaFirstResponseBreached"})
    public record Totals(long created, long resolved, Double firstResponseMedianMinutes,
                         Double firstResponseP90Minutes, Double resolutionMedianMinutes, long slaFirstResponseMet,
                         long slaFirstResponseBreached) {
    }

    @JsonPropertyOrder({"userId", "name", "created", "resolved", "firstResponseMedianMinutes"})
    public record ByAssignee(UUID userId, String name, long created, long resolved,
                             Double firstResponseMedianMinutes) {
    }

    @JsonPropertyOrder({"categoryId", "name", "created", "resolved"})
    public record ByCategory(UUID categoryId, String name, long created, long resolved) {
    }

    /** The series as CSV: a header row, one row per bucket, {@code null} as an empty cell. */
    public String seriesCsv() {
        StringBuilder csv = new StringBuilder(String.join(",", SERIES_FIELDS)).append("\r\n");
        for (Point p : series) {
            csv.append(p.start()).append(',').append(p.created()).append(',').append(p.resolved()).append(',')
                    .append(cell(p.firstResponseMedianMinutes())).append(',')
                    .append(cell(p.firstResponseP90Minutes())).append(',')
                    .append(cell(p.resolutionMedianMinutes())).append("\r\n");
        }
        return csv.toString();
    }

    private static String cell(Double minutes) {
        return minutes == null ? "" : minutes.toString();
    }
}
