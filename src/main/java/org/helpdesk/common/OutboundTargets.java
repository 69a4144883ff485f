package org.helpdesk.common;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The one guard for every connection the server opens on a user's word (mailbox IMAP/SMTP hosts, webhook URLs):
 * a tenant must not be able to point the server at its own network. A host is checked when it is saved and again
 * right before each connection, and the caller connects to the addresses this returned, so a DNS answer cannot be
 * re-pointed between the check and the connection.
 *
 * <p>Always refused: unspecified, multicast, link-local (169.254/16, fe80::/10, which holds cloud metadata
 * services) and the metadata addresses themselves. Refused unless the operator allows private targets: loopback,
 * private (10/8, 172.16/12, 192.168/16), carrier-grade NAT (100.64/10) and unique-local IPv6 (fc00::/7).
 */
public final class OutboundTargets {
    private OutboundTargets() {
    }

    /** Why a host was refused; the message names the setting, never what the remote side said. */
    public static final class TargetRefused extends InvalidInput {
        public TargetRefused(String message) {
            super(message);
        }
    }

    /**
     * Resolves {@code host} and returns its addresses if every one of them may be reached.
     *
     * @param what         how the caller names the host in errors ("imapHost", "url")
     * @param allowPrivate the operator's setting that opens loopback and private ranges
     * @throws TargetRefused if the host does not resolve or any address is refused
     */
    public static List<InetAddress> check(String host, boolean allowPrivate, String what) {
        if (host == null || host.isBlank()) {
            throw new TargetRefused(what + " is required");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.strip());
        } catch (UnknownHostException | SecurityException e) {
            throw new TargetRefused(what + " does not resolve to an address");
        }
        for (InetAddress address : addresses) {
            if (!allowed(address, allowPrivate)) {
                throw new TargetRefused(what + " must be a public address; loopback, private, link-local and"
                        + " metadata addresses are refused" + (allowPrivate ? "" : " unless the operator allows"
                        + " private targets"));
            }
        }
        return List.of(addresses);
    }

    /** Whether one address may be connected to. */
    public static boolean allowed(InetAddress address, boolean allowPrivate) {
        if (address.isAnyLocalAddress() || address.isMulticastAddress() || address.isLinkLocalAddress()
                || metadata(address)) {
            return false;
        }
        if (address instanceof Inet6Address v6 && embeddedV4(v6) != null) {
            return allowed(embeddedV4(v6), allowPrivate);
        }
        boolean privateRange = address.isLoopbackAddress() || address.isSiteLocalAddress() || carrierNat(address)
                || uniqueLocal(address) || reserved(address);
        return allowPrivate || !privateRange;
    }

    private static boolean metadata(InetAddress address) {
        byte[] b = address.getAddress();
        // 169.254.169.254 is link-local already; 100.100.100.200 (Alibaba) and fd00:ec2::254 (AWS IPv6) are not.
        return (b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xff) == 100 && (b[2] & 0xff) == 100
                && (b[3] & 0xff) == 200)
                || (b.length == 16 && (b[0] & 0xff) == 0xfd && b[1] == 0 && (b[2] & 0xff) == 0x0e
                && (b[3] & 0xff) == 0xc2 && b[14] == 0x02 && b[15] == 0x54 && zero(b, 4, 14));
    }

    private static boolean carrierNat(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }

    /** 0/8, 192.0.0/24, 198.18/15 (benchmarking), 240/4: never a mail or web server on the internet. */
    private static boolean reserved(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length != 4) {
            return false;
        }
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        return a0 == 0 || a0 >= 240 || (a0 == 192 && a1 == 0 && b[2] == 0) || (a0 == 198 && (a1 & 0xfe) == 18);
    }

    private static boolean uniqueLocal(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 16 && (b[0] & 0xfe) == 0xfc;
    }

    /** IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) addresses are judged as the IPv4 inside. */
    private static InetAddress embeddedV4(Inet6Address v6) {
        byte[] b = v6.getAddress();
        boolean mapped = zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zero(b, 0, 12) && !(zero(b, 12, 15) && (b[15] == 0 || b[15] == 1));
        if (!mapped && !compatible) {
            return null;
        }
        try {
            return Inet4Address.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
