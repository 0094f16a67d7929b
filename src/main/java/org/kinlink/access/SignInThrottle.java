package org.kinlink.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kinlink.crypto.BlindIndex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows repeated failed sign-ins (A4), per account and per client address. The first few failures
 * cost nothing; after them each failure blocks further attempts for a delay that doubles from one
 * second up to a cap of one minute. There is no permanent lockout: a block always ends, and the
 * count starts again once no failure has happened for {@link #WINDOW}. A successful sign-in resets
 * the account's count (not the address's, so one valid account cannot wash out a guessing run).
 *
 * <p>The state is a database row per key, so that every application node applies the same delay.
 * Keys are keyed hashes of the typed username and of the address: people type passwords into the
 * username field, and an address is personal data.
 *
 * <p>Accepted limit: someone who keeps guessing one account's password can keep that account at a
 * one-minute delay; its owner can still sign in once the minute has passed, and the administrator
 * sees the SIGN_IN_FAILED and SIGN_IN_THROTTLED events.
 */
@Component
class SignInThrottle {

    enum Kind {
        ACCOUNT(3),
        /** More free failures: several people may share an address (an office behind one router). */
        ADDRESS(10);

        final int freeFailures;

        Kind(int freeFailures) {
            this.freeFailures = freeFailures;
        }
    }

    /** A count older than this (since the last failure) starts again from zero. */
    static final Duration WINDOW = Duration.ofMinutes(15);

    static final Duration MAX_DELAY = Duration.ofSeconds(60);

    private final JdbcClient jdbc;
    private final BlindIndex blindIndex;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    @Autowired
    SignInThrottle(JdbcClient jdbc, BlindIndex blindIndex, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.blindIndex = blindIndex;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** For tests: another clock (a new instance, so that the application's throttle is untouched). */
    SignInThrottle withClock(Clock other) {
        return new SignInThrottle(
                jdbc, blindIndex, java.util.Objects.requireNonNull(ownTransaction.getTransactionManager()), other);
    }

    /** The delay a failure count earns: none for the free failures, then 1 s, 2 s, 4 s … up to 60 s. */
    static Duration delayAfter(Kind kind, int failures) {
        int beyond = failures - kind.freeFailures;
        if (beyond <= 0) {
            return Duration.ZERO;
        }
        if (beyond > 7) {
            return MAX_DELAY;
        }
        Duration delay = Duration.ofSeconds(1L << (beyond - 1));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** Until when a sign-in as this username or from this address must wait, if it must. */
    Optional<Instant> blockedUntil(String username, @Nullable String address) {
        Instant now = clock.instant();
        Instant latest = null;
        for (var key : keys(username, address)) {
            Instant until = jdbc.sql("SELECT blocked_until FROM sign_in_throttle WHERE kind = ? AND throttle_key = ?")
                    .params(key.kind().name(), key.value())
                    .query((rs, n) -> {
                        var at = rs.getObject(1, LocalDateTime.class);
                        return at == null ? Instant.EPOCH : at.toInstant(ZoneOffset.UTC);
                    })
                    .optional()
                    .orElse(Instant.EPOCH);
            if (until.isAfter(now) && (latest == null || until.isAfter(latest))) {
                latest = until;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** Counts one failed sign-in for the username and the address, in a transaction of its own. */
    void failed(String username, @Nullable String address) {
        ownTransaction.executeWithoutResult(tx -> {
            for (var key : keys(username, address)) {
                countFailure(key);
            }
        });
    }

    /** A successful sign-in: the account starts again from zero. */
    void succeeded(String username) {
        ownTransaction.executeWithoutResult(tx -> jdbc.sql(
                        "DELETE FROM sign_in_throttle WHERE kind = ? AND throttle_key = ?")
                .params(Kind.ACCOUNT.name(), key(Kind.ACCOUNT, username).value())
                .update());
    }

    private void countFailure(Key key) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        // the row exists before it is locked, so that two nodes counting at once both count
        jdbc.sql(
                        "INSERT IGNORE INTO sign_in_throttle (kind, throttle_key, failures, last_failure_at) VALUES (?, ?, 0, ?)")
                .params(key.kind().name(), key.value(), now)
                .update();
        var row = jdbc.sql("SELECT failures, last_failure_at FROM sign_in_throttle"
                        + " WHERE kind = ? AND throttle_key = ? FOR UPDATE")
                .params(key.kind().name(), key.value())
                .query((rs, n) -> new Row(rs.getInt(1), rs.getObject(2, LocalDateTime.class)))
                .single();
        int failures = row.lastFailureAt().plus(WINDOW).isBefore(now) ? 1 : row.failures() + 1;
        Duration delay = delayAfter(key.kind(), failures);
        jdbc.sql("UPDATE sign_in_throttle SET failures = ?, last_failure_at = ?, blocked_until = ?"
                        + " WHERE kind = ? AND throttle_key = ?")
                .params(
                        failures,
                        now,
                        delay.isZero() ? null : now.plus(delay),
                        key.kind().name(),
                        key.value())
                .update();
    }

    private Key[] keys(String username, @Nullable String address) {
        if (address == null || address.isBlank()) {
            return new Key[] {key(Kind.ACCOUNT, username)};
        }
        return new Key[] {key(Kind.ACCOUNT, username), key(Kind.ADDRESS, address)};
    }

    private Key key(Kind kind, String value) {
        String keyed = kind == Kind.ACCOUNT ? account(value) : value;
        return new Key(
                kind, blindIndex.of("sign-in.throttle." + kind.name().toLowerCase(java.util.Locale.ROOT), keyed));
    }

    /**
     * The account a typed name signs in to, as stored. The database compares names
     * case-, accent- and trailing-space-insensitively (utf8mb4_unicode_ci), so "álice" signs in as
     * "alice": counting by the typed text would give every such spelling a fresh count (found in
     * review: a way round the throttle). Unknown names are counted as typed (normalised).
     */
    private String account(String typed) {
        return jdbc.sql("SELECT username FROM app_user WHERE username = ?")
                .param(typed)
                .query(String.class)
                .optional()
                .orElse(typed);
    }

    private record Key(Kind kind, String value) {}

    private record Row(int failures, LocalDateTime lastFailureAt) {}
}
