package org.helpdesk.report;

import org.helpdesk.auth.Tenant;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/helpdesk/reports/summary and its CSV (API §13): read permission, any member or a read key. */
@RestController
@RequestMapping("/api/helpdesk/reports")
class ReportController {
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final ReportManagement reports;

    ReportController(ReportManagement reports) {
        this.reports = reports;
    }

    @GetMapping("/summary")
    Summary summary(Tenant tenant, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to, @RequestParam(required = false) String interval,
                    @RequestParam(required = false) String timezone) {
        return reports.summary(tenant.requireRead().entityId(), ReportRequest.parse(from, to, interval, timezone));
    }

    @GetMapping("/summary.csv")
    ResponseEntity<String> csv(Tenant tenant, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to,
                               @RequestParam(required = false) String interval,
                               @RequestParam(required = false) String timezone) {
        ReportRequest request = ReportRequest.parse(from, to, interval, timezone);
        Summary summary = reports.summary(tenant.requireRead().entityId(), request);
        return ResponseEntity.ok().contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"report-" + request.from() + "-"
                        + request.to() + ".csv\"")
                .body(summary.seriesCsv());
    }
}
