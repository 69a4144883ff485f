package org.helpdesk.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundTargetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "::1",
            "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "0.0.0.0", "240.0.0.1"})
    void privateAndLoopbackAddressesAreRefusedByDefaultAndAllowedWhenTheOperatorSaysSo(String ip) throws Exception {
        InetAddress address = InetAddress.getByName(ip);
        assertThat(OutboundTargets.allowed(address, false)).isFalse();
        if (!address.isAnyLocalAddress() && !ip.startsWith("240.") && !ip.equals("0.0.0.0")) {
            assertThat(OutboundTargets.allowed(address, true)).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "169.254.1.1", "fe80::1", "100.100.100.200", "fd00:ec2::254",
            "::ffff:169.254.169.254", "224.0.0.1", "::"})
    void linkLocalMetadataAndMulticastAreRefusedEvenWhenPrivateTargetsAreAllowed(String ip) throws Exception {
        assertThat(OutboundTargets.allowed(InetAddress.getByName(ip), true)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "2606:4700::1111"})
    void publicAddressesAreAllowed(String ip) throws Exception {
        assertThat(OutboundTargets.allowed(InetAddress.getByName(ip), false)).isTrue();
    }

    @org.junit.jupiter.api.Test
    void aLoopbackHostNameIsRefusedWithASentenceNamingTheField() {
        assertThatThrownBy(() -> OutboundTargets.check("localhost", false, "imapHost"))
                .isInstanceOf(OutboundTargets.TargetRefused.class)
                .hasMessageStartingWith("imapHost must be a public address");
    }

    @org.junit.jupiter.api.Test
    void aHostThatDoesNotResolveIsRefused() {
        assertThatThrownBy(() -> OutboundTargets.check("no-such-host.invalid", true, "url"))
                .isInstanceOf(OutboundTargets.TargetRefused.class)
                .hasMessage("url does not resolve to an address");
    }
}
