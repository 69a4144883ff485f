package org.helpdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Assertions every test needs: the one error shape of API.md §1 and the timestamp format. */
public final class ApiAssertions {
    /** ISO-8601 UTC with exactly millisecond precision, e.g. 2019-08-24T14:15:22.123Z. */
    public static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private ApiAssertions() {
    }

    /**
     * The response has this status, Content-Type application/json and a body that is exactly
     * {@code {"error": "<non-blank sentence>"}} with nothing that leaks internals.
     */
    public static void assertError(HttpApi.Response response, int status) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as("Content-Type").isNotNull().startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.isObject()).as("error body is an object: %s", response.body()).isTrue();
        List<String> fields = new ArrayList<>(body.propertyNames());
        assertThat(fields).as("fields of %s", response.body()).containsExactly("error");
        assertThat(body.get("error").isString()).as("error is a string").isTrue();
        assertThat(body.get("error").stringValue()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "org.springframework", "<html", "SQL");
    }

    /** The JSON object has exactly these fields (values may be null, but the field is present). */
    public static void assertFields(JsonNode node, String... fields) {
        assertThat(new ArrayList<>(node.propertyNames())).as("fields of %s", node).containsExactlyInAnyOrder(fields);
    }
}
