package org.helpdesk.ui;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API reference: {@code /api/openapi.yaml} (static, hand-written) and Swagger UI at {@code /api/docs}
 * (static/api/docs/index.html with the swagger-ui webjar). Both are public; see SecurityConfig.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig implements WebMvcConfigurer {
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/api/docs").setViewName("forward:/api/docs/index.html");
        registry.addViewController("/api/docs/").setViewName("forward:/api/docs/index.html");
    }
}
