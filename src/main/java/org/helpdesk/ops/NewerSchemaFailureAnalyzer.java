package org.helpdesk.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.api.exception.FlywayValidateException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A node that finds migrations in the database it does not have itself was started from an older release than
 * the one that migrated the schema. Flyway refuses to start it (nothing is ignored on validation, see
 * {@code spring.flyway.ignore-migration-patterns}); this turns Flyway's repair-oriented message into what the
 * operator should actually do. Registered in META-INF/spring.factories.
 */
class NewerSchemaFailureAnalyzer extends AbstractFailureAnalyzer<FlywayValidateException> {
    private static final Pattern UNKNOWN = Pattern.compile("not resolved locally: ([^\\s.]+(?:\\.[0-9]+)*)");

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FlywayValidateException cause) {
        List<String> versions = unknownVersions(String.valueOf(cause.getMessage()));
        if (versions.isEmpty()) {
            return null; // another validation failure (e.g. an edited migration): Flyway's own message says it
        }
        return new FailureAnalysis(
                "The database schema is newer than this release of Helpdesk: it has migration(s) " + versions
                        + " that this release does not know. A newer release has already upgraded this database,"
                        + " so this node refuses to start rather than run old code against a newer schema.",
                "Start this node from the same release as the nodes that upgraded the database (or a newer one)."
                        + " To go back to this release, restore the database backup taken before the upgrade;"
                        + " do not run 'flyway repair'.",
                cause);
    }

    static List<String> unknownVersions(String message) {
        List<String> versions = new ArrayList<>();
        Matcher m = UNKNOWN.matcher(message);
        while (m.find()) {
            versions.add(m.group(1));
        }
        return versions;
    }
}
