package org.helpdesk.database;

import java.time.Duration;
import java.util.ArrayDeque;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The rules of replica routing, apart from any database: how far behind the standby is, and whether it may
 * serve a caller's read. Positions are WAL positions (LSNs) as numbers; times are {@link System#nanoTime()}.
 */
final class ReplicaState {
    /** Writes of requests with no authenticated caller (sign-up, login): every caller waits for them. */
    private static final String ANYONE = "";

    /**
     * A caller's writes: how many are under way (its reads go to the primary meanwhile), and the primary's WAL
     * position after the last one finished (a standby serves the caller once it has replayed that far).
     */
    private record Writes(int inFlight, long lsn) {
        static final Writes NONE = new Writes(0, 0);
    }

    private final Duration maxLag;
    private final Cache<String, Writes> writes;
    private final ArrayDeque<long[]> primarySamples = new ArrayDeque<>(); // {nanoTime, lsn}, oldest first
    private volatile boolean usable;
    private volatile long replayed = -1;
    private volatile double lagSeconds = Double.NaN;

    ReplicaState(Duration maxLag, Duration writeMemory) {
        this.maxLag = maxLag;
        this.writes = Caffeine.newBuilder().expireAfterWrite(writeMemory).build();
    }

    boolean usable() {
        return usable;
    }

    double lagSeconds() {
        return lagSeconds;
    }

    /** The primary was at {@code lsn} at {@code now}. */
    void primaryAt(long now, long lsn) {
        synchronized (primarySamples) {
            primarySamples.addLast(new long[] {now, lsn});
            long keep = maxLag.multipliedBy(2).toNanos();
            while (primarySamples.size() > 1 && now - primarySamples.peekFirst()[0] > keep) {
                primarySamples.removeFirst();
            }
        }
    }

    /** The standby has replayed up to {@code lsn} (sampled after the primary, at {@code now}). */
    void replicaAt(long now, long lsn) {
        double lag = lagOf(lsn, now);
        replayed = lsn;
        lagSeconds = lag;
        usable = lag <= maxLag.toNanos() / 1e9;
    }

    void replicaDown() {
        usable = false;
        lagSeconds = Double.NaN;
    }

    /** Seconds since the primary was last at or behind {@code lsn}; infinite if not within the samples. */
    private double lagOf(long lsn, long now) {
        synchronized (primarySamples) {
            var newestFirst = primarySamples.descendingIterator();
            boolean newest = true;
            while (newestFirst.hasNext()) {
                long[] sample = newestFirst.next();
                if (sample[1] <= lsn) {
                    return newest ? 0 : (now - sample[0]) / 1e9;
                }
                newest = false;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    void writeStarted(String caller) {
        writes.asMap().compute(key(caller), (k, w) -> {
            Writes v = w == null ? Writes.NONE : w;
            return new Writes(v.inFlight() + 1, v.lsn());
        });
    }

    /** {@code lsn}: the primary's position after the write ended; Long.MAX_VALUE when unknown. */
    void writeFinished(String caller, long lsn) {
        writes.asMap().compute(key(caller), (k, w) -> {
            Writes v = w == null ? Writes.NONE : w;
            return new Writes(Math.max(0, v.inFlight() - 1), Math.max(v.lsn(), lsn));
        });
    }

    /** The standby may serve a read-only transaction of {@code caller} (null: no authenticated caller). */
    boolean replicaFor(String caller) {
        if (!usable) {
            return false;
        }
        long position = replayed;
        return replayed(writes.getIfPresent(ANYONE), position)
                && (caller == null || replayed(writes.getIfPresent(caller), position));
    }

    private static boolean replayed(Writes w, long position) {
        return w == null || w.inFlight() == 0 && w.lsn() <= position;
    }

    private static String key(String caller) {
        return caller == null ? ANYONE : caller;
    }
}
