package org.helpdesk.account;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.helpdesk.auth.Role;
import org.helpdesk.common.Conflict;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.Times;
import org.helpdesk.entity.Entities;
import org.helpdesk.entity.Entities.EntityRow;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Creating accounts and checking passwords. */
@Service
public class AccountService {
    /** BCrypt reads at most 72 bytes; longer passwords would be silently cut. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MIN_PASSWORD_LENGTH = 8;

    private final Users users;
    private final Entities entities;
    private final PasswordHashing passwords;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String dummyHash;

    AccountService(Users users, Entities entities, PasswordEncoder encoder, PasswordHashing passwords,
                   TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.entities = entities;
        this.passwords = passwords;
        this.transactions = transactions;
        this.clock = clock;
        this.dummyHash = encoder.encode("timing-equaliser-for-unknown-emails");
    }

    public record Signup(Users.UserRow user, EntityRow entity) {
    }

    /**
     * A new user who owns a new entity. Email must be free (409 otherwise, before any hashing). The password
     * is hashed before the transaction starts, so a flood of signups never holds pool connections while hashing.
     */
    public Signup signup(String email, String password, String name, String entityName) {
        checkPassword(password);
        if (users.byEmail(email).isPresent()) {
            throw new Conflict("An account with this email already exists");
        }
        String hash = passwords.encode(password);
        return transactions.execute(status -> {
            Instant now = Times.now(clock);
            Users.UserRow user = new Users.UserRow(Ids.newId(), email, name, hash, now);
            try {
                users.insert(user);
            } catch (DuplicateKeyException e) {
                throw new Conflict("An account with this email already exists");
            }
            EntityRow entity = new EntityRow(Ids.newId(), entityName, now);
            entities.insert(entity);
            entities.addMember(entity.id(), user.id(), Role.OWNER, now);
            return new Signup(user, entity);
        });
    }

    /** The user with these credentials; the same work is done for unknown emails, so timing tells nothing. */
    public Optional<Users.UserRow> authenticate(String email, String password) {
        Optional<Users.UserRow> user = users.byEmail(email);
        String hash = user.map(Users.UserRow::passwordHash).orElse(dummyHash);
        boolean matches = passwords.matches(password, hash);
        return matches ? user : Optional.empty();
    }

    static void checkPassword(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInput("password must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidInput("password must be at most " + MAX_PASSWORD_BYTES + " bytes");
        }
    }
}
