package org.helpdesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;

@ExtendWith(OutputCaptureExtension.class)
class ConstraintLoggingTest {
    @Test
    void aConstraintViolationIsAnsweredWithoutLoggingTheValuesItQuotes(CapturedOutput output) {
        // Given a database message that quotes an email, as PostgreSQL's duplicate-key detail does
        var e = new DataIntegrityViolationException("insert failed", new SQLException(
                "duplicate key value violates unique constraint \"users_email_key\" Detail: Key (email)=(pat@example.com) already exists.",
                "23505"));

        // When
        var response = new ApiExceptionHandler().integrity(e);

        // Then
        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(output.getAll()).doesNotContain("pat@example.com");
    }
}
