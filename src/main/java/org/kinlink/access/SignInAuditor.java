package org.kinlink.access;

import java.time.Clock;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.kinlink.crypto.BlindIndex;
import org.springframework.context.event.EventListener;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records sign-in, failed sign-in and sign-out. A failed attempt on an unknown username records a
 * keyed hash of the name, never the name itself (people type passwords into the username field).
 * Failures and successes also feed the sign-in throttle (A4).
 *
 * <p>Each event's bookkeeping (last sign-in, throttle rows, the audit event) is one transaction.
 * Under concurrent sign-ins and sign-outs MariaDB may pick it as a deadlock victim (the throttle's
 * gap locks against the audit chain head); it is then run again, up to three times, instead of
 * failing the sign-in with an error page.
 */
@Component
class SignInAuditor {

    private final AuditTrail audit;
    private final UserAccountRepository users;
    private final BlindIndex blindIndex;
    private final Clock clock;
    private final SignInThrottle throttle;
    private final UserSessions sessions;
    private final TransactionTemplate transactions;

    SignInAuditor(
            AuditTrail audit,
            UserAccountRepository users,
            BlindIndex blindIndex,
            Clock clock,
            SignInThrottle throttle,
            UserSessions sessions,
            PlatformTransactionManager transactionManager) {
        this.sessions = sessions;
        this.transactions = new TransactionTemplate(transactionManager);
        this.audit = audit;
        this.users = users;
        this.blindIndex = blindIndex;
        this.clock = clock;
        this.throttle = throttle;
    }

    /** Published after the session id has changed, so the event carries the new session's hash. */
    @EventListener
    public void signedIn(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof KinlinkUser user) {
            long stamp = retryingDeadlocks(() -> {
                users.findById(user.id()).ifPresent(account -> account.signedIn(clock.instant()));
                throttle.succeeded(user.getUsername());
                audit.record(AuditEntry.success("SIGN_IN", "USER", user.id()));
                return sessions.stamp(user.id()).orElse(-1L);
            });
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                var session = attributes.getRequest().getSession();
                session.setAttribute(AbsoluteSessionTimeoutFilter.SIGNED_IN_AT, clock.instant());
                // S3: the stamp this session is valid for (SessionStampFilter)
                session.setAttribute(UserSessions.STAMP, stamp);
            }
        }
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        retryingDeadlocks(() -> {
            recordFailure(event);
            return null;
        });
    }

    private void recordFailure(AbstractAuthenticationFailureEvent event) {
        String attempted = event.getAuthentication().getName();
        String why = event.getException().getClass().getSimpleName();
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        throttle.failed(attempted, address);
        users.findByUsername(attempted)
                .ifPresentOrElse(
                        account -> audit.record(AuditEntry.failure("SIGN_IN_FAILED", "USER", account.id())
                                .by(account.id(), account.username())
                                .because(why)),
                        () -> audit.record(AuditEntry.failure("SIGN_IN_FAILED", "USER", null)
                                .because("unknown username #"
                                        + blindIndex
                                                .of("sign-in.username", attempted)
                                                .substring(0, 16))));
    }

    @EventListener
    public void signedOut(LogoutSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof KinlinkUser user) {
            retryingDeadlocks(() -> {
                audit.record(AuditEntry.success("SIGN_OUT", "USER", user.id()).by(user.id(), user.getUsername()));
                return null;
            });
        }
    }

    /** Runs the work in a transaction of its own, again if the database chose it as a deadlock victim. */
    private <T> T retryingDeadlocks(java.util.function.Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(tx -> work.get());
            } catch (PessimisticLockingFailureException deadlock) {
                if (attempt == 3) {
                    throw deadlock;
                }
            }
        }
    }
}
