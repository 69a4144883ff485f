package org.helpdesk.ops;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets the access log learn the caller while Spring MVC still knows it. */
@Configuration(proxyBeanMethods = false)
class OpsWebConfig implements WebMvcConfigurer {
    private final AccessLog accessLog;

    OpsWebConfig(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(accessLog);
    }
}
