package org.helpdesk.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.OutboundTargets;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One POST to a receiver. Every new connection resolves the host through {@link OutboundTargets} and connects
 * to exactly the addresses that passed (the client's DNS step is replaced), so a DNS answer re-pointed after the
 * check cannot reach an internal address. Redirects are not followed, nothing is retried here, and the whole
 * attempt is cut at the timeout (10 s).
 */
@Component
class WebhookSender implements DisposableBean {
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private final WebhookSettings settings;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("webhook-timeouts").factory());

    /** How an attempt went: the receiver's status ({@code null} when none) and, unless 2xx, why not. */
    record Outcome(Integer status, String error, boolean retryable, Duration retryAfter) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    WebhookSender(WebhookSettings settings) {
        this.settings = settings;
        Timeout timeout = Timeout.of(settings.timeout());
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new CheckedDns(settings.allowPrivate()))
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                        .setSocketTimeout(timeout).setTimeToLive(TimeValue.ofMinutes(1)).build())
                .setMaxConnTotal(settings.maxConcurrent() * 2).setMaxConnPerRoute(2)
                .build();
        this.client = HttpClients.custom().setConnectionManager(connections)
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .disableContentCompression().disableAuthCaching()
                .setUserAgent("Helpdesk-Webhooks/1.0")
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout)
                        .setConnectionRequestTimeout(timeout).build())
                .build();
    }

    Outcome send(String url, String id, long timestamp, String signature, String body) {
        URI uri;
        try {
            uri = WebhookUrl.parse(url, settings.allowPrivate());
            OutboundTargets.check(WebhookUrl.host(uri), settings.allowPrivate(), "url");
        } catch (InvalidInput e) {
            boolean unresolved = e.getMessage().contains("does not resolve");
            return new Outcome(null, e.getMessage(), unresolved, null);
        }
        HttpPost post = new HttpPost(uri);
        post.setHeader("webhook-id", id);
        post.setHeader("webhook-timestamp", Long.toString(timestamp));
        post.setHeader("webhook-signature", signature);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        AtomicBoolean cut = new AtomicBoolean();
        ScheduledFuture<?> deadline = watchdog.schedule(() -> {
            cut.set(true);
            post.cancel();
        }, settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
            deadline.cancel(false);
            int status = response.getCode();
            if (status >= 200 && status < 300) {
                return new Outcome(status, null, false, null);
            }
            boolean retryable = status == 408 || status == 429 || status >= 500;
            String why = status >= 300 && status < 400
                    ? "the receiver answered " + status + " (a redirect; redirects are not followed)"
                    : "the receiver answered " + status;
            return new Outcome(status, why, retryable, retryable ? retryAfter(response.getFirstHeader("Retry-After"))
                    : null);
        } catch (Refused e) {
            return new Outcome(null, e.getMessage(), false, null);
        } catch (UnknownHostException e) {
            return new Outcome(null, "url does not resolve to an address", true, null);
        } catch (IOException | RuntimeException e) {
            if (cut.get()) {
                return new Outcome(null, "no answer within " + settings.timeout().toSeconds() + " s", true, null);
            }
            return new Outcome(null, "could not reach the receiver (" + describe(e) + ")", true, null);
        } finally {
            deadline.cancel(false);
        }
    }

    /** Retry-After in seconds or as an HTTP date, at most an hour; {@code null} when absent or unreadable. */
    static Duration retryAfter(Header header) {
        if (header == null || header.getValue() == null) {
            return null;
        }
        String value = header.getValue().strip();
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            try {
                wait = Duration.between(Instant.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return kind;
        }
        // the message of a connect failure names the address and port, which the admin knows already
        return kind + ": " + (message.length() > 200 ? message.substring(0, 200) : message);
    }

    @Override
    public void destroy() throws IOException {
        watchdog.shutdownNow();
        client.close();
    }

    /** The DNS step of every new connection: only addresses {@link OutboundTargets} allows are connected to. */
    private record CheckedDns(boolean allowPrivate) implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            try {
                return OutboundTargets.check(host, allowPrivate, "url").toArray(InetAddress[]::new);
            } catch (OutboundTargets.TargetRefused e) {
                if (e.getMessage().contains("does not resolve")) {
                    throw new UnknownHostException(host);
                }
                throw new Refused(e.getMessage());
            }
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            return java.util.Arrays.stream(resolve(host)).map(a -> new InetSocketAddress(a, port)).toList();
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    /** A target the guard refused at connection time: not retried. */
    private static final class Refused extends UnknownHostException {
        Refused(String message) {
            super(message);
        }
    }
}
