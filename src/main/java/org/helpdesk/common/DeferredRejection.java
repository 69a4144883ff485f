package org.helpdesk.common;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Credentials first (API.md §1): a request that no route can read (a non-JSON body, a broken or NUL query string,
 * a body over the size limit) is noted by the filters that find it, not answered at once. It goes on through the
 * security chain with its parameters hidden (nothing parses them), so missing or bad credentials on a route that
 * needs them answer 401 and nothing else about the request is judged; only a caller the chain lets through gets
 * the 4xx that was noted, from the filter right after the chain.
 */
@Configuration(proxyBeanMethods = false)
public class DeferredRejection {
    private static final String ATTRIBUTE = DeferredRejection.class.getName() + ".rejection";

    private record Rejection(int status, String message) {
    }

    /** Notes the answer this request gets once its caller is known; returns the request to pass on. */
    public static HttpServletRequest reject(HttpServletRequest request, int status, String message) {
        if (request.getAttribute(ATTRIBUTE) == null) {
            request.setAttribute(ATTRIBUTE, new Rejection(status, message));
        }
        return new HiddenParameters(request);
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> deferredRejectionFilter(SecurityFilterProperties security) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (request.getAttribute(ATTRIBUTE) instanceof Rejection rejection) {
                    ErrorResponses.write(response, rejection.status(), rejection.message());
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(security.getOrder() + 1); // right after the security chain: the caller is known
        return registration;
    }

    /**
     * A request whose query string and body are never parsed (they are what made it unreadable): no parameters, an
     * empty body (Spring's FormContentFilter would otherwise parse a PATCH form body and fail on it).
     */
    private static final class HiddenParameters extends HttpServletRequestWrapper {
        HiddenParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            return new jakarta.servlet.ServletInputStream() {
                @Override
                public int read() {
                    return -1;
                }

                @Override
                public boolean isFinished() {
                    return true;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    throw new IllegalStateException("not asynchronous");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.StringReader(""));
        }

        @Override
        public int getContentLength() {
            return 0;
        }

        @Override
        public long getContentLengthLong() {
            return 0;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}
