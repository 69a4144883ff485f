package org.helpdesk.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.HardenedInstallTest;
import org.helpdesk.support.HttpApi;
import org.junit.jupiter.api.Test;

/**
 * X-Forwarded-For counts only from the proxies the operator names (this install: 127.0.0.1/32); IPv6 clients
 * are counted by their /64. An untrusted peer (127.0.0.2 here) cannot choose the address its limits count on.
 */
class TrustedProxiesIT extends HardenedInstallTest {

    /** A signup sent by hand from 127.0.0.2 (not a trusted proxy); the status code of the answer. */
    private int signupFromUntrustedPeer(String forwardedFor, String forwardedProto, List<String> setCookies)
            throws IOException {
        URI base = URI.create(api.base());
        String body = HttpApi.JSON.writeValueAsString(Map.of("email", HttpApi.uniqueEmail("spoof"),
                "password", HttpApi.PASSWORD, "name", "S", "entityName", "S"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), base.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/auth/signup HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n"
                    + "X-Forwarded-For: " + forwardedFor + "\r\n"
                    + (forwardedProto == null ? "" : "X-Forwarded-Proto: " + forwardedProto + "\r\n")
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : response.split("\r\n")) {
                if (line.regionMatches(true, 0, "Set-Cookie:", 0, 11)) {
                    setCookies.add(line);
                }
                if (line.isEmpty()) {
                    break;
                }
            }
            return Integer.parseInt(response.substring(9, 12));
        }
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerDoesNotChangeTheBucket() throws IOException {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < SIGNUPS_PER_ADDRESS + 2; i++) {
            statuses.add(signupFromUntrustedPeer(newClientAddress() + ", 198.51.100." + (i + 1), null,
                    new ArrayList<>()));
        }

        // one bucket, the peer's: varied headers do not buy more signups
        assertThat(statuses.subList(0, SIGNUPS_PER_ADDRESS)).containsOnly(201);
        assertThat(statuses.subList(SIGNUPS_PER_ADDRESS, statuses.size())).containsOnly(429);
    }

    @Test
    void ipv6ClientsAreCountedByTheirSlash64() {
        String prefix = "2001:db8:" + Integer.toHexString((int) (Math.random() * 0xfffe) + 1) + ":"
                + Integer.toHexString((int) (Math.random() * 0xfffe) + 1) + ":";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < SIGNUPS_PER_ADDRESS + 1; i++) {
            statuses.add(api.post("/api/auth/signup").header("X-Forwarded-For", prefix + (i + 1) + ":7:8:9")
                    .json(Map.of("email", HttpApi.uniqueEmail("v6"), "password", HttpApi.PASSWORD, "name", "N",
                            "entityName", "E")).send().status());
        }

        assertThat(statuses.subList(0, SIGNUPS_PER_ADDRESS)).containsOnly(201);
        assertThat(statuses.get(SIGNUPS_PER_ADDRESS)).isEqualTo(429);
    }
}
