package org.helpdesk.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON as the contract has it: timestamps always as {@code 2019-08-24T14:15:22.123Z} (UTC, exactly three
 * fraction digits) and {@code Content-Type: application/json;charset=UTF-8}.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfig implements WebMvcConfigurer {
    static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** Instant.toString() after cutting to milliseconds, with ".000" added when the fraction is zero (fast path). */
    static String millis(Instant value) {
        Instant cut = value.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String text = cut.toString();
        if (cut.getNano() == 0 && text.length() == 20) {
            return text.substring(0, 19) + ".000Z";
        }
        return text.length() == 24 ? text : MILLIS.format(cut); // years beyond 9999 and the like
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        // JSON only: a YAML/XML/CBOR module that some library brings onto the classpath must not make the API
        // accept other body formats (the contract answers them 415).
        converters.removeIf(c -> c.getSupportedMediaTypes().stream().anyMatch(m -> {
            String subtype = m.getSubtype();
            return subtype.contains("yaml") || subtype.contains("xml") || subtype.contains("cbor")
                    || subtype.contains("smile");
        }));
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof AbstractHttpMessageConverter<?> json
                    && json.getSupportedMediaTypes().contains(MediaType.APPLICATION_JSON)) {
                json.setDefaultCharset(StandardCharsets.UTF_8);
            }
        }
    }

    @Bean
    JacksonModule instantAsMillisModule() {
        return new SimpleModule("helpdesk-instants").addSerializer(Instant.class, new ValueSerializer<Instant>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(millis(value));
            }
        });
    }
}
