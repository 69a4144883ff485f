package org.helpdesk.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Chooses the database of a test run: H2 in memory by default, PostgreSQL for the it-postgres execution. */
public final class TestDatabase {
    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("helpdesk.test.db"));
    }

    public static void configure(DynamicPropertyRegistry registry) {
        if (postgres()) {
            String url = System.getenv("HELPDESK_TEST_DB_URL");
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("The PostgreSQL test run needs HELPDESK_TEST_DB_URL");
            }
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", TestDatabase::user);
            registry.add("spring.datasource.password", TestDatabase::password);
            registry.add("spring.flyway.clean-disabled", () -> "false");
        } else {
            registry.add("spring.datasource.url", () ->
                    "jdbc:h2:mem:helpdesk-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1");
            registry.add("spring.datasource.username", () -> "sa");
            registry.add("spring.datasource.password", () -> "");
        }
    }

    /** The PostgreSQL test database's URL (HELPDESK_TEST_DB_URL). */
    public static String postgresUrl() {
        return System.getenv("HELPDESK_TEST_DB_URL");
    }

    public static String user() {
        return env("HELPDESK_TEST_DB_USER", "postgres");
    }

    public static String password() {
        return env("HELPDESK_TEST_DB_PASSWORD", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
