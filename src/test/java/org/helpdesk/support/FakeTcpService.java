package org.helpdesk.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A TCP service on loopback for tests of outgoing connections: it greets every connection with a banner, answers
 * each line it reads with what {@code reply} says (null: close), and records every line it received. With no
 * banner and no replies it is a server that accepts and then stays silent.
 */
public final class FakeTcpService implements AutoCloseable {
    private final ServerSocket listener;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();

    private FakeTcpService(String banner, Function<String, String> reply) throws IOException {
        listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    sockets.add(socket);
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(socket, banner, reply));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    /** Greets with {@code banner} and closes after the first line it reads (or after 5 s). */
    public static FakeTcpService banner(String banner) throws IOException {
        return new FakeTcpService(banner, line -> null);
    }

    /** Accepts connections and never says a word. */
    public static FakeTcpService silent() throws IOException {
        return new FakeTcpService(null, null);
    }

    /**
     * An IMAP server that offers only LOGIN (no AUTH=): every LOGIN line, with the password as the client sent it,
     * is recorded, and refused.
     */
    public static FakeTcpService imapRecordingLogins() throws IOException {
        return new FakeTcpService("* OK IMAP4rev1 fake ready", line -> {
            String tag = line.split(" ", 2)[0];
            String command = line.contains(" ") ? line.split(" ")[1].toUpperCase() : "";
            return switch (command) {
                case "CAPABILITY" -> "* CAPABILITY IMAP4rev1\r\n" + tag + " OK done";
                case "LOGIN" -> tag + " NO [AUTHENTICATIONFAILED] invalid credentials";
                case "LOGOUT" -> "* BYE\r\n" + tag + " OK bye";
                default -> tag + " BAD unknown";
            };
        });
    }

    private void serve(Socket socket, String banner, Function<String, String> reply) {
        try (socket) {
            socket.setSoTimeout(reply == null ? 0 : 5_000);
            OutputStream out = socket.getOutputStream();
            if (banner != null) {
                out.write((banner + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                if (reply == null) {
                    continue; // silent: read and never answer
                }
                String answer = reply.apply(line);
                if (answer == null) {
                    return;
                }
                out.write((answer + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            sockets.remove(socket);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
