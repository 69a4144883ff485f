package org.helpdesk.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.helpdesk.common.Conflict;
import org.helpdesk.common.InvalidInput;

/** The rules of merging contacts and undoing a merge (API §9), apart from the database. */
final class MergeRules {
    static final int MAX_SOURCES = 10;
    /** How long a merge can be undone, and how long its record (what moved, when, by whom) is kept. */
    static final Duration UNDO_WINDOW = Duration.ofDays(30);

    private MergeRules() {
    }

    /** The distinct sources of a merge: 1–10 of them, never the target itself. */
    static List<UUID> sources(UUID target, List<UUID> sourceIds) {
        if (sourceIds == null || sourceIds.isEmpty()) {
            throw new InvalidInput("sourceIds must name at least one contact to merge");
        }
        Set<UUID> distinct = new LinkedHashSet<>(sourceIds);
        if (distinct.size() > MAX_SOURCES) {
            throw new InvalidInput("sourceIds may name at most " + MAX_SOURCES + " contacts");
        }
        if (distinct.contains(target)) {
            throw new InvalidInput("A contact cannot be merged into itself");
        }
        return List.copyOf(distinct);
    }

    /** Neither the target nor a source may be merged already; the target ends with at most 20 addresses. */
    static void checkMerge(Contact target, List<Contact> sources) {
        if (target.merged()) {
            throw new ContactMerged(target.id(), target.mergedInto());
        }
        int addresses = target.emails().size();
        for (Contact source : sources) {
            if (source.merged()) {
                throw new ContactMerged(source.id(), source.mergedInto());
            }
            addresses += source.emails().size();
        }
        if (addresses > ContactRules.MAX_EMAILS) {
            throw new Conflict("The merged contact would have " + addresses + " addresses; a contact has at most "
                    + ContactRules.MAX_EMAILS + ". Remove some addresses first");
        }
    }

    /**
     * An unmerge may go ahead: the target is not merged itself, the source was merged into it, and the merge
     * ({@code mergedAt}, {@code null} when no record is left) is at most 30 days old.
     */
    static void checkUnmerge(Contact target, Contact source, Instant mergedAt, Instant now) {
        if (target.merged()) {
            throw new ContactMerged(target.id(), target.mergedInto());
        }
        if (!target.id().equals(source.mergedInto())) {
            throw new Conflict("Contact " + source.id() + " is not merged into contact " + target.id());
        }
        if (mergedAt == null || mergedAt.plus(UNDO_WINDOW).isBefore(now)) {
            throw new Conflict("The merge of contact " + source.id() + " is older than 30 days and can no longer be undone");
        }
    }

    /**
     * The addresses that go back to the source: those the merge moved that the target still has, in the order
     * the source had them. The target must keep at least one address of its own.
     */
    static List<String> addressesBack(List<String> moved, List<String> targetNow) {
        List<String> back = moved.stream().filter(targetNow::contains).toList();
        if (back.size() >= targetNow.size()) {
            throw new Conflict("The contact would keep no address of its own; add one before undoing the merge");
        }
        return back;
    }
}
