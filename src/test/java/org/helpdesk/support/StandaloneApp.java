package org.helpdesk.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.helpdesk.HelpdeskApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole app started by a test on its own (not the shared test context): for what needs its own database
 * connection, its own start-up or its own shutdown. Random ports for the app and the actuator.
 */
public final class StandaloneApp implements AutoCloseable {
    private final ConfigurableApplicationContext context;

    private StandaloneApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the app on this JDBC URL (user and password as the test run's database needs). */
    public static StandaloneApp start(String jdbcUrl, Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("management.server.port", "0");
        all.put("spring.datasource.url", jdbcUrl);
        all.put("spring.datasource.username", TestDatabase.postgres() ? TestDatabase.user() : "sa");
        all.put("spring.datasource.password", TestDatabase.postgres() ? TestDatabase.password() : "");
        all.put("spring.main.banner-mode", "off");
        // a small pool: the test run's shared contexts already hold 20 connections each on the shared server
        all.put("spring.datasource.hikari.maximum-pool-size", "4");
        all.putAll(properties);
        // as command-line arguments: they win over application.yml (builder properties would only be defaults)
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new StandaloneApp(new SpringApplicationBuilder(HelpdeskApplication.class).run(args));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public HttpApi api() {
        return new HttpApi("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    public HttpApi management() {
        return new HttpApi("http://127.0.0.1:" + context.getEnvironment().getProperty("local.management.port"));
    }

    @Override
    public void close() {
        context.close();
    }
}
