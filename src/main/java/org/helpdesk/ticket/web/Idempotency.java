package org.helpdesk.ticket.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.helpdesk.common.CachedBodyFilter;
import org.helpdesk.common.Conflict;
import org.helpdesk.common.Hashing;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.Times;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Safe retries for POST, a web adapter concern around the use cases: the first response to an Idempotency-Key
 * is stored in the same transaction as what it created (this class opens it; the use case's
 * {@code @Transactional} joins it), so a retry gets the same status and body back and creates nothing. The same
 * key with another request is a 409. Two concurrent requests with one key: the second waits on the first's row,
 * then replays it.
 */
@Component
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    private static final Duration RETENTION = Duration.ofHours(24);

    private final IdempotencyKeys keys;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    Idempotency(IdempotencyKeys keys, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.keys = keys;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** What a create returns: the resource and where it lives. */
    public record Created(Object body, URI location) {
    }

    public ResponseEntity<?> create(UUID entityId, String key, HttpServletRequest request, Supplier<Created> action) {
        if (key == null) {
            Created created = transactions.execute(status -> action.get());
            return ResponseEntity.created(created.location()).body(created.body());
        }
        if (key.isEmpty() || key.length() > 255) {
            throw new InvalidInput("Idempotency-Key must be 1 to 255 characters");
        }
        String hash = fingerprint(request);
        Instant now = Times.now(clock);
        Instant notBefore = now.minus(RETENTION);
        Optional<IdempotencyKeys.Stored> earlier = keys.find(entityId, key, notBefore);
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
        }
        try {
            Created created = transactions.execute(status -> {
                keys.deleteExpired(entityId, key, notBefore);
                Created result = action.get();
                keys.insert(entityId, key, new IdempotencyKeys.Stored(hash, HttpStatus.CREATED.value(),
                        result.location().toString(), json.writeValueAsString(result.body())), now);
                return result;
            });
            return ResponseEntity.created(created.location()).body(created.body());
        } catch (DuplicateKeyException e) {
            return keys.find(entityId, key, notBefore).map(stored -> replay(stored, hash))
                    .orElseThrow(() -> new Conflict("A request with this Idempotency-Key is in progress; retry"));
        }
    }

    private ResponseEntity<?> replay(IdempotencyKeys.Stored stored, String hash) {
        if (!stored.requestHash().equals(hash)) {
            throw new Conflict("This Idempotency-Key was already used for a different request");
        }
        return ResponseEntity.status(stored.status()).location(URI.create(stored.location()))
                .header("Idempotent-Replayed", "true")
                .body(json.readTree(stored.body()));
    }

    /** Method, path and body bytes: "the same request" in the contract's sense. */
    private static String fingerprint(HttpServletRequest request) {
        byte[] head = (request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = CachedBodyFilter.body(request);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return Hashing.sha256Hex(all);
    }
}
