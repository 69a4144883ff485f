package org.helpdesk.email;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

import javax.net.SocketFactory;

/**
 * Plain sockets that connect to one address checked by {@link org.helpdesk.common.OutboundTargets}, whatever
 * host name Jakarta Mail asks for: a DNS answer cannot change between the check and the connection. TLS
 * (implicit or STARTTLS) is layered on top by Jakarta Mail with the host name, so certificates are still
 * checked against the name the administrator entered.
 */
final class PinnedSocketFactory extends SocketFactory {
    private final InetAddress address;

    PinnedSocketFactory(InetAddress address) {
        this.address = address;
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                int port = endpoint instanceof InetSocketAddress inet ? inet.getPort() : 0;
                super.connect(new InetSocketAddress(address, port), timeout);
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(address, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return createSocket(address.getHostAddress(), port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return createSocket(address.getHostAddress(), port);
    }
}
