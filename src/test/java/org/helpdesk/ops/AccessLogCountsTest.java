package org.helpdesk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Which outcomes the access log counts as refused credentials, throttled logins and rate-limited requests. */
class AccessLogCountsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** No Spring MVC here: no route template is found, which does not change what is counted. */
    private final ObjectProvider<RequestMappingHandlerMapping> noRoutes = new ObjectProvider<>() {
        @Override
        public RequestMappingHandlerMapping getIfAvailable() {
            return null;
        }
    };
    private final AccessLog accessLog = new AccessLog(new HelpdeskMetrics(registry), noRoutes);

    @Test
    void a401AtLoginIsAWrongPassword() throws Exception {
        run("POST", "/api/auth/login", null, 401);

        assertThat(count("helpdesk.auth.failures", "password")).isEqualTo(1);
        assertThat(count("helpdesk.auth.failures", "api_key")).isZero();
    }

    @Test
    void a401WithAnAuthorizationHeaderIsARefusedKeyAndWithoutOneIsNotCounted() throws Exception {
        run("GET", "/api/helpdesk/tickets", "Bearer ak_nope", 401);
        run("GET", "/api/helpdesk/tickets", null, 401);

        assertThat(count("helpdesk.auth.failures", "api_key")).isEqualTo(1);
        assertThat(count("helpdesk.auth.failures", "password")).isZero();
    }

    @Test
    void a429AtLoginIsAThrottledLoginAndElsewhereARateLimitedRequest() throws Exception {
        run("POST", "/api/auth/login", null, 429);
        run("GET", "/api/helpdesk/tickets", "Bearer ak_x", 429);
        run("POST", "/api/auth/signup", null, 429);

        assertThat(registry.get("helpdesk.logins.throttled").counter().count()).isEqualTo(1);
        assertThat(registry.get("helpdesk.requests.rate.limited").counter().count()).isEqualTo(2);
    }

    @Test
    void successesAreNotCounted() throws Exception {
        run("POST", "/api/auth/login", null, 200);

        assertThat(count("helpdesk.auth.failures", "password")).isZero();
        assertThat(registry.get("helpdesk.logins.throttled").counter().count()).isZero();
    }

    private void run(String method, String path, String authorization, int status) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        accessLog.doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                ((HttpServletResponse) res).setStatus(status);
            }
        });
    }

    private double count(String name, String method) {
        return registry.get(name).tag("method", method).counter().count();
    }
}
