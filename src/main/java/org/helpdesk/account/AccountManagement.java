package org.helpdesk.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.helpdesk.auth.LoginThrottle;
import org.helpdesk.common.Conflict;
import org.helpdesk.common.Forbidden;
import org.helpdesk.common.HelpdeskSettings;
import org.helpdesk.common.Ids;
import org.helpdesk.common.Times;
import org.helpdesk.common.Unauthenticated;
import org.helpdesk.entity.Entity;
import org.helpdesk.entity.Membership;
import org.helpdesk.entity.Memberships;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The account use cases for the API and the pages alike: sign up, sign in, who am I. The limits against
 * guessing and mass signups (API §4) apply here, so both front doors get them. Starting and ending the browser
 * session is the web adapter's part ({@code auth.SessionLogin}).
 */
@Service
public class AccountManagement {
    private final Users users;
    private final Memberships memberships;
    private final PasswordHashing passwords;
    private final LoginThrottle throttle;
    private final HelpdeskSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String dummyHash;

    AccountManagement(Users users, Memberships memberships, PasswordEncoder encoder, PasswordHashing passwords,
                      LoginThrottle throttle, HelpdeskSettings settings, TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.memberships = memberships;
        this.passwords = passwords;
        this.throttle = throttle;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
        this.dummyHash = encoder.encode("timing-equaliser-for-unknown-emails");
    }

    /** A new account and the entity it owns. */
    public record SignedUp(Account account, Entity entity) {
    }

    /** The signed-in user and the entities they belong to. */
    public record Me(Account user, List<Membership> memberships) {
    }

    public boolean signupOpen() {
        return settings.signupEnabled();
    }

    public void requireSignupOpen() {
        if (!signupOpen()) {
            throw new Forbidden("Signup is switched off on this server; ask an administrator for an account");
        }
    }

    /** Self-service signup: refused when switched off, limited per client address. */
    public SignedUp signUp(SignUp command) {
        requireSignupOpen();
        throttle.beforeSignup(command.clientAddress());
        return create(command);
    }

    /**
     * A new user who owns a new entity. Email must be free (409 otherwise, before any hashing). The password
     * is hashed before the transaction starts, so a flood of signups never holds pool connections while hashing.
     */
    SignedUp create(SignUp command) {
        if (users.byEmail(command.email()).isPresent()) {
            throw emailTaken();
        }
        String hash = passwords.encode(command.password());
        return transactions.execute(status -> {
            Instant now = Times.now(clock);
            Users.UserRow user = new Users.UserRow(Ids.newId(), command.email(), command.name(), hash, now);
            try {
                users.insert(user);
            } catch (DuplicateKeyException e) {
                throw emailTaken();
            }
            return new SignedUp(user.account(), memberships.createEntity(user.id(), command.entityName()));
        });
    }

    /**
     * The account with these credentials, or {@link Unauthenticated}. The same work is done for unknown emails,
     * so timing tells nothing; failures count against the email and the address.
     */
    public Account signIn(SignIn command) {
        throttle.beforeLogin(command.email(), command.clientAddress());
        Optional<Users.UserRow> user = users.byEmail(command.email());
        String hash = user.map(Users.UserRow::passwordHash).orElse(dummyHash);
        if (!passwords.matches(command.password(), hash) || user.isEmpty()) {
            throw new Unauthenticated("Wrong email or password");
        }
        throttle.loginSucceeded(command.email(), command.clientAddress());
        return user.get().account();
    }

    public Me me(UUID userId) {
        Users.UserRow user = users.byId(userId)
                .orElseThrow(() -> new Unauthenticated("This account no longer exists; sign in again"));
        return new Me(user.account(), memberships.of(userId));
    }

    boolean exists(String email) {
        return users.byEmail(email).isPresent();
    }

    private static Conflict emailTaken() {
        return new Conflict("An account with this email already exists");
    }
}
