package org.helpdesk.support;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only routes for what no real route does on purpose: fail unexpectedly, or take a while (a request in
 * flight during shutdown). Picked up by component scanning in test contexts only, like {@link TenantProbe}.
 */
@RestController
public class OpsProbe {
    public static final String FAILURE = "/test-ops/failure";
    public static final String SLOW = "/test-ops/slow";

    @GetMapping(FAILURE)
    Map<String, Object> failure() {
        throw new IllegalStateException("a bug the test provokes");
    }

    @GetMapping(SLOW)
    Map<String, Object> slow(@RequestParam long ms) throws InterruptedException {
        Thread.sleep(ms);
        return Map.of("slept", ms);
    }
}
