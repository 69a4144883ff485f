package org.helpdesk.auth;

import org.helpdesk.common.HelpdeskSettings;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.common.ErrorResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may call what. API keys authenticate in {@link ApiKeyAuthenticationFilter}; browser sessions are stored
 * by Spring Session in the database (so any app node serves any user) and need the CSRF token on unsafe
 * methods. Entity membership and roles are checked per request by {@link TenantResolver}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> CSRF_FREE_PATHS = Set.of("/api/auth/signup", "/api/auth/login");
    /** Both cookies a browser sends back (SESSION, XSRF-TOKEN): not on cross-site subrequests and posts. */
    private static final String SAME_SITE = "Lax";

    /** No observation wrapper around each security filter: ~5% of a request's CPU, for metrics nobody reads. */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    CookieCsrfTokenRepository csrfTokenRepository(HelpdeskSettings settings) {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookiePath("/");
        // Secure follows the request (HTTPS, or X-Forwarded-Proto from a trusted proxy) unless the public URL says https
        repository.setCookieCustomizer(cookie -> {
            cookie.sameSite(SAME_SITE);
            if (settings.httpsOnly()) {
                cookie.secure(true);
            }
        });
        return repository;
    }

    /** The SESSION cookie: SameSite=Lax and HttpOnly, Secure as the XSRF-TOKEN cookie. */
    @Bean
    DefaultCookieSerializerCustomizer sessionCookie(HelpdeskSettings settings) {
        return serializer -> {
            serializer.setSameSite(SAME_SITE);
            serializer.setUseHttpOnlyCookie(true);
            if (settings.httpsOnly()) {
                serializer.setUseSecureCookie(true);
            }
        };
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, KeyDirectory keys, KeyUsage usage,
                                    RateLimiter rateLimiter, Clock clock, SecurityContextRepository contexts,
                                    CookieCsrfTokenRepository csrfTokens, HelpdeskSettings settings) throws Exception {
        AuthorizationManager<RequestAuthorizationContext> sessionOnly =
                (authentication, context) -> new AuthorizationDecision(isSessionUser(authentication.get()));
        http
                .securityContext(c -> c.securityContextRepository(contexts))
                .csrf(c -> c.csrfTokenRepository(csrfTokens)
                        // the raw token from the XSRF-TOKEN cookie is accepted in X-XSRF-TOKEN (no masking)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(csrfRequired()))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .addFilterBefore(new SessionLifetimeFilter(settings.session().maxAge(), clock), SecurityContextHolderFilter.class)
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, usage, rateLimiter, clock),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/auth/**").permitAll()
                        .requestMatchers("/api/openapi.yaml", "/api/docs", "/api/docs/**").permitAll() // API reference
                        .requestMatchers("/api/settings/**", "/api/me", "/api/entities", "/api/entities/**").access(sessionOnly)
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers(SIGNED_IN_PAGES).access(sessionOnly)
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(PAGE_SIGN_IN, SecurityConfig::isPage)
                        .defaultAuthenticationEntryPointFor((request, response, ex) ->
                                ErrorResponses.write(response, 401, "Authentication required: send Authorization: Bearer ak_... or sign in"),
                                request -> true)
                        .accessDeniedHandler(accessDenied()))
                // Pages load scripts only from this server, so injected markup cannot run script.
                // (htmx is configured by a meta tag to need no inline code and no eval: see templates/fragments/layout)
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                + "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                                + "form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /** Pages of a signed-in user; without a session they send the browser to the sign-in page. */
    private static final String[] SIGNED_IN_PAGES = {"/e/**", "/start", "/entities", "/signout"};

    /** Sends a browser to the sign-in page, to come back here afterwards (a local path only, see the page). */
    private static final org.springframework.security.web.AuthenticationEntryPoint PAGE_SIGN_IN =
            (request, response, ex) -> {
                String back = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                boolean get = "GET".equals(request.getMethod());
                response.sendRedirect(request.getContextPath() + "/signin"
                        + (get ? "?next=" + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8) : ""));
            };

    private static boolean isPage(HttpServletRequest request) {
        return ErrorResponses.isPage(request);
    }

    private static boolean isSessionUser(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof SessionUser;
    }

    /**
     * CSRF guards what a browser session can do: unsafe methods of a request that has a session and no
     * Authorization header. Signup and login of the API create the session, so they cannot carry a token yet.
     * Every form of the pages carries one (the cookie token works before a session exists), sign-in included,
     * so nobody can be signed in to someone else's account by a foreign page.
     */
    private static RequestMatcher csrfRequired() {
        return request -> !SAFE_METHODS.contains(request.getMethod())
                // a direct request to /error changes nothing and is answered 404 like an unknown path
                && !"/error".equals(org.helpdesk.common.RequestPaths.path(request))
                && (ErrorResponses.isPagePath(request)
                    || request.getHeader(HttpHeaders.AUTHORIZATION) == null
                        && !CSRF_FREE_PATHS.contains(org.helpdesk.common.RequestPaths.path(request))
                        && request.getSession(false) != null);
    }

    private static AccessDeniedHandler accessDenied() {
        return (request, response, ex) -> {
            if (isPage(request)) {
                // rendered as an HTML page in the layout by the /error route
                request.setAttribute(ErrorResponses.PAGE_MESSAGE, ex instanceof CsrfException
                        ? "This form has expired. Go back, reload the page and try again."
                        : "You may not do this.");
                response.sendError(403);
                return;
            }
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            String message;
            if (ex instanceof CsrfException) {
                message = "Missing or invalid CSRF token: echo the XSRF-TOKEN cookie in the X-XSRF-TOKEN header";
            } else if (authentication != null && authentication.getPrincipal() instanceof KeyCaller) {
                message = "API keys cannot be used for account and settings routes; sign in instead";
            } else {
                message = "You may not do this";
            }
            ErrorResponses.write(response, 403, message);
        };
    }

    /** Makes sure the XSRF-TOKEN cookie is set, so the browser has a token to echo before its first POST. */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
