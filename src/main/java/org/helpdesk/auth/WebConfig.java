package org.helpdesk.auth;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers declare a {@link Tenant} parameter. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {
    private final TenantResolver tenantResolver;

    WebConfig(TenantResolver tenantResolver) {
        this.tenantResolver = tenantResolver;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(tenantResolver);
    }
}
