package org.helpdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.helpdesk.common.Conflict;
import org.helpdesk.common.InvalidInput;
import org.junit.jupiter.api.Test;

/** The rules of merging contacts and undoing merges (API §9), without a database. */
class MergeRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

    private static Contact contact(UUID mergedInto, String... emails) {
        return new Contact(UUID.randomUUID(), UUID.randomUUID(), null, List.of(emails), null, null, mergedInto, NOW, NOW);
    }

    @Test
    void aMergeNamesOneToTenDistinctSourcesNeverTheTarget() {
        UUID target = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        assertThat(MergeRules.sources(target, List.of(a, a))).containsExactly(a);
        assertThatThrownBy(() -> MergeRules.sources(target, List.of())).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> MergeRules.sources(target, List.of(a, target))).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("itself");
        List<UUID> ten = IntStream.range(0, 10).mapToObj(i -> UUID.randomUUID()).toList();
        assertThat(MergeRules.sources(target, ten)).hasSize(10);
        List<UUID> eleven = new ArrayList<>(ten);
        eleven.add(UUID.randomUUID());
        assertThatThrownBy(() -> MergeRules.sources(target, eleven)).hasMessageContaining("at most 10");
    }

    @Test
    void aMergedTargetOrSourceIsAConflict() {
        Contact target = contact(null, "t@x.test");
        Contact merged = contact(UUID.randomUUID());
        assertThatThrownBy(() -> MergeRules.checkMerge(target, List.of(merged))).isInstanceOf(ContactMerged.class);
        assertThatThrownBy(() -> MergeRules.checkMerge(merged, List.of(target))).isInstanceOf(ContactMerged.class);
        assertThatCode(() -> MergeRules.checkMerge(target, List.of(contact(null, "s@x.test")))).doesNotThrowAnyException();
    }

    @Test
    void theMergedContactKeepsAtMostTwentyAddresses() {
        String[] ten = IntStream.range(0, 10).mapToObj(i -> "t" + i + "@x.test").toArray(String[]::new);
        String[] eleven = IntStream.range(0, 11).mapToObj(i -> "s" + i + "@x.test").toArray(String[]::new);
        assertThatCode(() -> MergeRules.checkMerge(contact(null, ten), List.of(contact(null, ten))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> MergeRules.checkMerge(contact(null, ten), List.of(contact(null, eleven))))
                .isInstanceOf(Conflict.class).hasMessageContaining("21 addresses");
    }

    @Test
    void anUnmergeIsPossibleForThirtyDaysOnlyAndOnlyFromItsTarget() {
        Contact target = contact(null, "t@x.test");
        Contact source = contact(target.id());
        assertThatCode(() -> MergeRules.checkUnmerge(target, source, NOW.minus(Duration.ofDays(30)), NOW))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> MergeRules.checkUnmerge(target, source, NOW.minus(Duration.ofDays(30)).minusMillis(1), NOW))
                .isInstanceOf(Conflict.class).hasMessageContaining("30 days");
        assertThatThrownBy(() -> MergeRules.checkUnmerge(target, source, null, NOW)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> MergeRules.checkUnmerge(contact(null, "o@x.test"), source, NOW, NOW))
                .isInstanceOf(Conflict.class).hasMessageContaining("not merged into");
        Contact mergedTarget = contact(UUID.randomUUID());
        assertThatThrownBy(() -> MergeRules.checkUnmerge(mergedTarget, contact(mergedTarget.id()), NOW, NOW))
                .isInstanceOf(ContactMerged.class);
    }

    @Test
    void exactlyTheMovedAddressesTheTargetStillHasGoBack() {
        assertThat(MergeRules.addressesBack(List.of("s1@x.test", "s2@x.test"), List.of("t@x.test", "s2@x.test", "s1@x.test")))
                .containsExactly("s1@x.test", "s2@x.test");
        assertThat(MergeRules.addressesBack(List.of("s1@x.test", "gone@x.test"), List.of("t@x.test", "s1@x.test")))
                .containsExactly("s1@x.test");
        assertThatThrownBy(() -> MergeRules.addressesBack(List.of("s1@x.test"), List.of("s1@x.test")))
                .isInstanceOf(Conflict.class);
    }
}
