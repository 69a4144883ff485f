package org.helpdesk.ui;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The static files, one mapping per folder of src/main/resources/static, and the WebJars (Boot's own mappings are
 * off: {@code spring.web.resources.add-mappings: false}). Every link a page builds passes the resource chain
 * (that is how {@code /webjars/htmx.org/dist/htmx.min.js} gets its version), and the chain remembers only what it
 * found. Plain per-folder patterns keep both costs small: a link to a page ({@code /e/...}) matches no pattern, and
 * {@code /css/helpdesk.css} resolves once and is then cached. Under one pattern for all folders
 * ({@code /{folder:css|js|api}/**}) the chain looked the stylesheet and the script up under the wrong path, found
 * nothing, and searched the jar again on every page: 23 % of a ticket page's CPU.
 */
@Configuration(proxyBeanMethods = false)
class StaticFiles implements WebMvcConfigurer {
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
        // the API reference (ApiDocsConfig): the hand-written OpenAPI document and Swagger UI's page
        registry.addResourceHandler("/api/*.yaml").addResourceLocations("classpath:/static/api/").resourceChain(true);
        registry.addResourceHandler("/api/docs/**").addResourceLocations("classpath:/static/api/docs/")
                .resourceChain(true);
    }
}
