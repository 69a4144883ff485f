package org.helpdesk.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Chooses the database of a test run: H2 in memory by default, PostgreSQL for the it-postgres execution. */
public final class TestDatabase {
    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("helpdesk.test.db"));
    }

    /**
     * The PostgreSQL run goes to a Citus coordinator (HELPDESK_TEST_CITUS=true, set by bench/citus/run-suite.sh):
     * the few tests that cannot apply there skip themselves, with the reason (docs/scale-out.md).
     */
    public static boolean citus() {
        return postgres() && "true".equals(System.getenv("HELPDESK_TEST_CITUS"));
    }

    public static void configure(DynamicPropertyRegistry registry) {
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The datasource settings of this run, also for apps a test starts itself beside the shared one. */
    public static java.util.Map<String, String> properties() {
        java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
        if (postgres()) {
            String url = System.getenv("HELPDESK_TEST_DB_URL");
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("The PostgreSQL test run needs HELPDESK_TEST_DB_URL");
            }
            p.put("spring.datasource.url", url);
            p.put("spring.datasource.username", user());
            p.put("spring.datasource.password", password());
            p.put("spring.flyway.clean-disabled", "false");
        } else {
            p.put("spring.datasource.url",
                    "jdbc:h2:mem:helpdesk-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1");
            p.put("spring.datasource.username", "sa");
            p.put("spring.datasource.password", "");
        }
        return p;
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
