package org.helpdesk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    @Test
    void ipv6ClientsAreCountedByTheirSlash64() {
        String one = LoginThrottle.clientKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
        assertThat(LoginThrottle.clientKey("2001:db8:1:2::1")).isEqualTo(one);
        assertThat(LoginThrottle.clientKey("[2001:DB8:1:2:0:0:0:7]")).isEqualTo(one);
        assertThat(LoginThrottle.clientKey("2001:db8:1:3::1")).isNotEqualTo(one);
        assertThat(one).isEqualTo("20010db800010002::/64");
    }

    @Test
    void ipv4AndAnythingElseAreCountedAsTheyAre() {
        assertThat(LoginThrottle.clientKey("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(LoginThrottle.clientKey("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(LoginThrottle.clientKey("garbage")).isEqualTo("garbage");
        assertThat(LoginThrottle.clientKey("example.com:80")).isEqualTo("example.com:80");
    }
}
