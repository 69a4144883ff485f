package org.helpdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.helpdesk.common.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportRequestTest {

    @Test
    void intervalDefaultsToDayAndTimezoneToUtc() {
        ReportRequest r = ReportRequest.parse("2026-01-01", "2026-01-31", null, null);
        assertThat(r.interval()).isEqualTo(ReportRequest.Interval.DAY);
        assertThat(r.timezoneName()).isEqualTo("UTC");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "NULL, 2026-01-01, day, UTC, from is required",
            "2026-01-01, NULL, day, UTC, to is required",
            "2026-1-01, 2026-01-02, day, UTC, from must be a date",
            "2026-02-30, 2026-03-02, day, UTC, from must be a date",
            "2026-01-02, 2026-01-01, day, UTC, from must not be after to",
            "2026-01-01, 2026-01-02, month, UTC, interval must be day or week",
            "2026-01-01, 2026-01-02, day, Mars/Olympus, timezone must be an IANA time zone",
            "2025-01-01, 2026-02-05, day, UTC, A report covers at most 400 days"})
    void badParametersAreRefusedWithASentence(String from, String to, String interval, String zone, String error) {
        assertThatThrownBy(() -> ReportRequest.parse(from, to, interval, zone))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith(error);
    }

    @Test
    void fourHundredDaysCountingBothEndsAreAllowed() {
        ReportRequest r = ReportRequest.parse("2025-01-01", "2026-02-04", "day", "UTC");
        assertThat(Bucket.of(r)).hasSize(400);
    }

    @Test
    void weeksStartOnTheMondayOnOrBeforeFromAndCountOnlyTheRange() {
        // 2026-12-03 is a Thursday; the range ends on Tuesday 2026-12-15
        ReportRequest r = ReportRequest.parse("2026-12-03", "2026-12-15", "week", "UTC");
        List<Bucket> buckets = Bucket.of(r);
        assertThat(buckets).extracting(Bucket::start).containsExactly(LocalDate.parse("2026-11-30"),
                LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-14"));
        assertThat(buckets.getFirst().from()).isEqualTo("2026-12-03T00:00:00Z");
        assertThat(buckets.getLast().until()).isEqualTo("2026-12-16T00:00:00Z");
    }

    @Test
    void daysAreLocalMidnightsSoADaylightSavingDayIsShorter() {
        ReportRequest r = ReportRequest.parse("2026-03-28", "2026-03-30", "day", "Europe/Berlin");
        List<Bucket> buckets = Bucket.of(r);
        assertThat(buckets.getFirst().from()).isEqualTo("2026-03-27T23:00:00Z");
        assertThat(Duration.between(buckets.get(1).from(), buckets.get(1).until())).isEqualTo(Duration.ofHours(23));
        assertThat(buckets.getLast().until()).isEqualTo("2026-03-30T22:00:00Z");
    }

    @Test
    void theCsvHasTheSeriesFieldsInOrderAndEmptyCellsForNull() {
        Summary s = new Summary(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-02"), "day", "UTC",
                List.of(new Summary.Point(LocalDate.parse("2026-01-01"), 3, 1, 12.5, 30.0, null),
                        new Summary.Point(LocalDate.parse("2026-01-02"), 0, 0, null, null, null)),
                new Summary.Totals(3, 1, 12.5, 30.0, null, 0, 0), List.of(), List.of());
        assertThat(s.seriesCsv()).isEqualTo("""
                start,created,resolved,firstResponseMedianMinutes,firstResponseP90Minutes,resolutionMedianMinutes\r
                2026-01-01,3,1,12.5,30.0,\r
                2026-01-02,0,0,,,\r
                """);
    }
}
