package org.helpdesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {
    private static final String UUID_SHAPE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aPlausibleIdIsKept() {
        assertThat(RequestIds.accept("abc-123_x.y:z")).isEqualTo("abc-123_x.y:z");
        assertThat(RequestIds.accept("0123456789abcdef0123456789abcdef")).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(RequestIds.accept("x".repeat(64))).isEqualTo("x".repeat(64));
    }

    @Test
    void aMissingEmptyOverlongOrOddIdIsReplacedByANewUuid() {
        for (String bad : new String[] {null, "", "x".repeat(65), "a b", "line\nbreak", "quote\"", "é", "a/b", "a;b"}) {
            assertThat(RequestIds.accept(bad)).as(String.valueOf(bad)).matches(UUID_SHAPE);
        }
    }
}
