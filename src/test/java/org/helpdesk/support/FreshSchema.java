package org.helpdesk.support;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The PostgreSQL test database is wiped and migrated at the start of a run, so a database left by an older
 * schema (or an earlier run) never makes the suite fail or pass by accident. H2 starts empty anyway.
 * Only the first context of the run wipes it: a later context (another set of test properties) must not take
 * away what a cached earlier one set up at start-up, such as the bootstrap owner of the locked-down install.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FreshSchema {
    /** The schemas already wiped in this run (a test app with a schema of its own wipes that one once). */
    private static final java.util.Set<String> CLEANED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            var conf = flyway.getConfiguration();
            String target = String.join(",", conf.getSchemas()) + "@" + conf.getDefaultSchema();
            if (TestDatabase.postgres() && CLEANED.add(target)) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }
}
