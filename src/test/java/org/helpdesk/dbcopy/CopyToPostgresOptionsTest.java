package org.helpdesk.dbcopy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyToPostgresOptionsTest {
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/helpdesk";

    @TempDir
    Path dataDir;

    @BeforeEach
    void anH2DatabaseFile() throws IOException {
        Files.createFile(dataDir.resolve("helpdesk.mv.db"));
    }

    @Test
    void theDataDirectoryBecomesTheAppsH2UrlThatNeverCreatesADatabase() {
        var o = CopyToPostgres.parse(new String[] {"--from-data-dir", dataDir.toString(), "--to", PG}, Map.of());

        assertThat(o.fromUrl()).startsWith("jdbc:h2:file:" + dataDir.resolve("helpdesk") + ";")
                .contains("DATABASE_TO_LOWER=TRUE").contains("IFEXISTS=TRUE");
        assertThat(o.toUrl()).isEqualTo(PG);
        assertThat(o.copySessions()).isTrue();
    }

    @Test
    void theEnvironmentGivesDefaultsAndThePasswords() {
        var o = CopyToPostgres.parse(new String[] {"--no-sessions"}, Map.of("HELPDESK_DATA_DIR", dataDir.toString(),
                "HELPDESK_DB_URL", PG, "HELPDESK_DB_USER", "helpdesk", "HELPDESK_DB_PASSWORD", "pg secret",
                "HELPDESK_H2_PASSWORD", "h2 secret"));

        assertThat(o.toUrl()).isEqualTo(PG);
        assertThat(o.toUser()).isEqualTo("helpdesk");
        assertThat(o.toPassword()).isEqualTo("pg secret");
        assertThat(o.fromPassword()).isEqualTo("h2 secret");
        assertThat(o.copySessions()).isFalse();
    }

    @Test
    void anH2UrlInTheEnvironmentIsNoTarget() {
        assertThatThrownBy(() -> CopyToPostgres.parse(new String[] {"--from-data-dir", dataDir.toString()},
                Map.of("HELPDESK_DB_URL", "jdbc:h2:file:./data/helpdesk")))
                .hasMessageContaining("--to jdbc:postgresql://");
    }

    @Test
    void aTargetThatIsNotPostgresIsAUsageError() {
        var err = new ByteArrayOutputStream();
        int rc = CopyToPostgres.run(new String[] {"--from-data-dir", dataDir.toString(), "--to", "jdbc:mysql://x/y"},
                Map.of(), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(rc).isEqualTo(CopyToPostgres.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("must be a PostgreSQL JDBC URL").contains("Usage:");
    }

    @Test
    void anOptionWithoutItsValueIsAUsageError() {
        assertThatThrownBy(() -> CopyToPostgres.parse(new String[] {"--to", "--no-sessions"}, Map.of()))
                .hasMessage("--to needs a value");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThatThrownBy(() -> CopyToPostgres.parse(new String[] {"--force"}, Map.of()))
                .hasMessage("unknown option --force");
    }
}
