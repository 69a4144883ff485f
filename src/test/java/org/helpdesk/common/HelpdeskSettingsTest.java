package org.helpdesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The settings tree binds its defaults, and a bad value stops start-up naming the property. */
class HelpdeskSettingsTest {
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(HelpdeskSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void withoutConfigurationEverySettingHasItsDefault() {
        runner.run(context -> {
            HelpdeskSettings settings = context.getBean(HelpdeskSettings.class);
            assertThat(settings.signupEnabled()).isTrue();
            assertThat(settings.maxBodyBytes()).isEqualTo(1_048_576);
            assertThat(settings.rateLimit().requestsPerMinute()).isEqualTo(6000);
            assertThat(settings.apiKeys().lastUsedFlush()).isEqualTo(Duration.ofSeconds(10));
            assertThat(settings.session().idleTimeout()).isEqualTo(Duration.ofHours(12));
            assertThat(settings.session().maxAge()).isEqualTo(Duration.ofDays(7));
            assertThat(settings.publicUrl()).isNull();
            assertThat(settings.httpsOnly()).isFalse();
            assertThat(settings.loginLimits().failuresPerEmail()).isEqualTo(10);
            assertThat(settings.loginLimits().failuresPerAddress()).isEqualTo(100);
            assertThat(settings.loginLimits().signupsPerAddress()).isEqualTo(20);
            assertThat(settings.loginLimits().window()).isEqualTo(Duration.ofMinutes(15));
            assertThat(settings.passwordHashing().threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(settings.bootstrap().requested()).isFalse();
        });
    }

    @Test
    void anHttpsPublicUrlMakesCookiesSecure() {
        runner.withPropertyValues("helpdesk.public-url=https://help.example.com/").run(context -> {
            HelpdeskSettings settings = context.getBean(HelpdeskSettings.class);
            assertThat(settings.publicUrl()).isEqualTo("https://help.example.com");
            assertThat(settings.httpsOnly()).isTrue();
        });
    }

    @Test
    void aBadValueStopsStartUpWithAMessageNamingTheProperty() {
        assertStartupFails("helpdesk.max-body-bytes=12", "helpdesk.max-body-bytes");
        assertStartupFails("helpdesk.rate-limit.requests-per-minute=-1", "helpdesk.rate-limit.requests-per-minute");
        assertStartupFails("helpdesk.api-keys.last-used-flush=0s", "helpdesk.api-keys.last-used-flush");
        assertStartupFails("helpdesk.session.idle-timeout=5s", "helpdesk.session.idle-timeout");
        assertStartupFails("helpdesk.bootstrap.email=a@example.com", "helpdesk.bootstrap.password");
        assertStartupFails("helpdesk.max-body-bytes=lots", "helpdesk.max-body-bytes");
        assertStartupFails("helpdesk.session.max-age=0s", "helpdesk.session.max-age");
        assertStartupFails("helpdesk.public-url=ftp://x", "helpdesk.public-url");
        assertStartupFails("helpdesk.login-limits.failures-per-email=0", "helpdesk.login-limits");
        assertStartupFails("helpdesk.password-hashing.threads=999", "helpdesk.password-hashing.threads");
    }

    private void assertStartupFails(String property, String named) {
        runner.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            StringBuilder messages = new StringBuilder();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertThat(messages.toString()).as(property).contains(named);
        });
    }
}
