package org.helpdesk.support;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The PostgreSQL test database is wiped and migrated at the start of a run, so a database left by an older
 * schema (or an earlier run) never makes the suite fail or pass by accident. H2 starts empty anyway.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FreshSchema {
    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            if (TestDatabase.postgres()) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }
}
