package org.helpdesk.common;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The last handler: any path nothing else maps answers 404 through the usual error handling.
 *
 * <p>Static files are served only under their folders ({@code spring.mvc.static-path-pattern}), so that building
 * a page's links does not look each one up on the class path. Without this catch-all an unmapped path would
 * reach the dispatcher's own "no handler" branch, which fails with a 500 on a wildcard {@code Content-Type}.
 * It is not a resource handler, so the link resolution does not consider it.
 */
@Configuration(proxyBeanMethods = false)
class UnknownPaths {

    @Bean
    SimpleUrlHandlerMapping unknownPathMapping() {
        HttpRequestHandler notFound = (request, response) -> {
            throw new NoResourceFoundException(HttpMethod.valueOf(request.getMethod()), request.getRequestURI(),
                    request.getRequestURI());
        };
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/**", notFound));
        mapping.setOrder(Ordered.LOWEST_PRECEDENCE);
        return mapping;
    }
}
