package org.helpdesk.common;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.core.Ordered;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Errors Tomcat raises on its own (before Spring MVC) also answer {@code {"error"}}, never an HTML page; and
 * X-Forwarded-For/-Proto are believed only from the proxies the operator names (HELPDESK_TRUSTED_PROXIES), never
 * from any private or loopback peer (Tomcat's default): a client cannot choose the address its limits count on.
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfig {
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorsFromTomcat() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    TrustedProxiesOnly trustedProxiesOnly(HelpdeskSettings settings) {
        return new TrustedProxiesOnly(String.join(",", settings.trustedProxies()));
    }

    /** Runs after Boot's customizer that adds the RemoteIpValve (order 0). */
    record TrustedProxiesOnly(String cidrs) implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
            Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.getEngineValves().stream().filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast)
                    .forEach(valve -> {
                        // an empty list trusts nobody (no internal proxies); CIDR entries all contain a '/'
                        valve.setInternalProxies(cidrs);
                        valve.setTrustedProxies(null);
                    });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
