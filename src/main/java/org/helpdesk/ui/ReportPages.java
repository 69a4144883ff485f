package org.helpdesk.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.common.InvalidInput;
import org.helpdesk.report.ReportManagement;
import org.helpdesk.report.ReportRequest;
import org.helpdesk.report.Summary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/** The Reports page: every member (viewers too) sees the summary of API §13 as charts and tables. */
@Controller
@RequestMapping("/e/{entityId}/reports")
class ReportPages {
    private final Desks desks;
    private final ReportManagement reports;
    private final JsonMapper json;
    private final Clock clock;

    ReportPages(Desks desks, ReportManagement reports, JsonMapper json, Clock clock) {
        this.desks = desks;
        this.reports = reports;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping
    String summary(@PathVariable UUID entityId, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, @RequestParam(required = false) String interval,
                   @RequestParam(required = false) String timezone, @RequestParam(required = false) Integer last,
                   Model model) {
        Desk desk = desks.open(entityId);
        model.addAttribute("desk", desk);
        model.addAttribute("activeView", "reports");
        model.addAttribute("charts", true);
        String zone = timezone == null || timezone.isBlank() ? "UTC" : timezone.strip();
        if (from == null && to == null) {
            // the default view and the presets: the last n days up to today in the chosen zone
            int days = last == null || last < 1 || last > ReportRequest.MAX_DAYS ? 30 : last;
            LocalDate today = LocalDate.now(clock.withZone(zoneOrUtc(zone)));
            from = today.minusDays(days - 1L).toString();
            to = today.toString();
        }
        String every = interval == null || interval.isBlank() ? "day" : interval;
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("interval", every);
        model.addAttribute("timezone", zone);
        model.addAttribute("presets", List.of(7, 30, 90));
        try {
            ReportRequest request = ReportRequest.parse(from, to, every, zone);
            Summary summary = reports.summary(entityId, request);
            model.addAttribute("summary", summary);
            model.addAttribute("volumeChart", json.writeValueAsString(volume(summary)));
            model.addAttribute("responseChart", json.writeValueAsString(response(summary)));
            model.addAttribute("csvUrl", UriComponentsBuilder.fromPath("/api/helpdesk/reports/summary.csv")
                    .queryParam("entityId", entityId).queryParam("from", request.from())
                    .queryParam("to", request.to()).queryParam("interval", every).queryParam("timezone", zone)
                    .encode().build().toUriString());
        } catch (InvalidInput e) {
            model.addAttribute("reportError", e.getMessage());
        }
        return "reports/summary";
    }

    private static ZoneId zoneOrUtc(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /** What the chart script draws: labels and named series; the same numbers are in the table beside it. */
    private static Map<String, Object> volume(Summary s) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "bar");
        chart.put("labels", labels(s));
        chart.put("series", List.of(series("Created", s.series().stream().map(p -> (Object) p.created()).toList()),
                series("Resolved", s.series().stream().map(p -> (Object) p.resolved()).toList())));
        return chart;
    }

    private static Map<String, Object> response(Summary s) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "line");
        chart.put("labels", labels(s));
        chart.put("unit", "minutes");
        chart.put("series", List.of(
                series("First response, median", s.series().stream()
                        .map(p -> (Object) p.firstResponseMedianMinutes()).toList()),
                series("First response, 90th percentile", s.series().stream()
                        .map(p -> (Object) p.firstResponseP90Minutes()).toList())));
        return chart;
    }

    private static List<String> labels(Summary s) {
        List<String> labels = new ArrayList<>();
        s.series().forEach(p -> labels.add(p.start().toString()));
        return labels;
    }

    private static Map<String, Object> series(String name, List<Object> values) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", name);
        series.put("data", values);
        return series;
    }
}
