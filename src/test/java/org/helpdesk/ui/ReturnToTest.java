package org.helpdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReturnToTest {
    @Test
    void aLocalPathIsKept() {
        assertThat(ReturnTo.safe("/e/1/tickets?view=open")).isEqualTo("/e/1/tickets?view=open");
    }

    @Test
    void anythingThatCouldLeaveTheSiteBecomesTheStartPage() {
        for (String next : new String[] {null, "", "https://evil.example", "//evil.example", "/\\evil.example",
                "javascript:alert(1)", "/ok\r\nSet-Cookie: x", "e/relative", "/a\\b"}) {
            assertThat(ReturnTo.safe(next)).as(String.valueOf(next)).isEqualTo("/");
        }
    }

    @Test
    void bracesWhichTheRedirectWouldReadAsTemplateVariablesBecomeTheStartPage() {
        for (String next : new String[] {"/e/{x}/tickets", "/{", "/}"}) {
            assertThat(ReturnTo.safe(next)).as(next).isEqualTo("/");
        }
    }
}
