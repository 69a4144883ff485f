package org.helpdesk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.hc.core5.http.message.BasicHeader;
import org.helpdesk.common.InvalidInput;
import org.junit.jupiter.api.Test;

/** The rules of webhooks that need no server: settings, event types, URLs, Retry-After. */
class WebhookRulesTest {

    private static WebhookSettings settings(String schedule) {
        return new WebhookSettings(false, schedule, Duration.ofDays(3), Duration.ofDays(30), Duration.ofSeconds(1),
                Duration.ofMinutes(1), 16, Duration.ofSeconds(10), true);
    }

    @Test
    void theRetryScheduleIsACommaListOfDurations() {
        assertThat(settings("1s, 2s,4s").waits())
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(settings("5s,5m,30m,2h,5h,10h,10h").waits()).hasSize(7).endsWith(Duration.ofHours(10));
        assertThat(settings("").waits()).isEmpty();
    }

    @Test
    void aBadRetryScheduleStopsStartUpNamingTheVariable() {
        assertThatThrownBy(() -> settings("1s,soon")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HELPDESK_WEBHOOKS_RETRY_SCHEDULE").hasMessageContaining("soon");
    }

    @Test
    void eventsAreKnownTypesOrAStar() {
        assertThat(EventTypes.check(List.of("ticket.created", "ticket.created", "sla.breached")))
                .containsExactly("ticket.created", "sla.breached");
        assertThat(EventTypes.check(List.of("*"))).containsExactly("*");
        assertThatThrownBy(() -> EventTypes.check(List.of())).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> EventTypes.check(List.of("ticket.deleted"))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> EventTypes.check(List.of("*", "ticket.created"))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void urlsAreHttpsUnlessPrivateTargetsAreAllowedAndCarryNoCredentials() {
        assertThat(WebhookUrl.parse("https://example.com/hook", false).getHost()).isEqualTo("example.com");
        assertThatThrownBy(() -> WebhookUrl.parse("http://example.com/hook", false)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("https://");
        assertThat(WebhookUrl.parse("http://example.com/hook", true).getScheme()).isEqualTo("http");
        assertThatThrownBy(() -> WebhookUrl.parse("https://user:pw@example.com/", false))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> WebhookUrl.parse("https:///nohost", false)).isInstanceOf(InvalidInput.class);
        assertThat(WebhookUrl.host(WebhookUrl.parse("https://[2001:db8::1]/x", false))).isEqualTo("2001:db8::1");
    }

    @Test
    void retryAfterIsReadInSecondsOrAsADateAndCappedAtAnHour() {
        assertThat(WebhookSender.retryAfter(new BasicHeader("Retry-After", "120"))).isEqualTo(Duration.ofMinutes(2));
        assertThat(WebhookSender.retryAfter(new BasicHeader("Retry-After", "86400"))).isEqualTo(Duration.ofHours(1));
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(61));
        assertThat(WebhookSender.retryAfter(new BasicHeader("Retry-After", inAMinute)))
                .isBetween(Duration.ofSeconds(50), Duration.ofSeconds(61));
        assertThat(WebhookSender.retryAfter(new BasicHeader("Retry-After", "soon"))).isNull();
        assertThat(WebhookSender.retryAfter(null)).isNull();
    }
}
