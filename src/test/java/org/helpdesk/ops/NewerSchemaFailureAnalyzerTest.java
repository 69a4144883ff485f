package org.helpdesk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NewerSchemaFailureAnalyzerTest {

    @Test
    void findsTheVersionsFlywayCouldNotResolveLocally() {
        String message = """
                Validate failed: Migrations have failed validation
                Detected applied migration not resolved locally: 31.
                If you removed this migration intentionally, run repair to mark the migration as deleted.
                Detected applied migration not resolved locally: 32.1.
                """;

        assertThat(NewerSchemaFailureAnalyzer.unknownVersions(message)).containsExactly("31", "32.1");
    }

    @Test
    void otherValidationFailuresAreLeftToFlywaysOwnMessage() {
        String message = "Validate failed: Migration checksum mismatch for migration version 2";

        assertThat(NewerSchemaFailureAnalyzer.unknownVersions(message)).isEmpty();
    }
}
