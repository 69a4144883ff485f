package org.helpdesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.helpdesk.support.ApiTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests Tomcat refuses before any servlet runs still answer {@code {"error"}} as JSON, never HTML. */
class ContainerErrorsIT extends ApiTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /api/helpdesk/tickets/%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            "GET /api/me HTTP/1.1\r\nHost: localhost\r\nBad Header Line\r\nConnection: close\r\n\r\n",
            "GET /api/me HTTP/1.1\r\nHost: localhost\r\nX-Big: %s\r\nConnection: close\r\n\r\n"})
    void malformedRequestsAre400WithAJsonError(String template) throws IOException {
        // Given a request Tomcat cannot parse
        String request = template.contains("%s") ? template.formatted("a".repeat(20_000)) : template;

        // When
        String response = raw(request);

        // Then
        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).containsIgnoringCase("Content-Type: application/json");
        assertThat(response.substring(response.indexOf("\r\n\r\n") + 4)).startsWith("{\"error\":\"");
        assertThat(response).doesNotContainIgnoringCase("<html");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
