package org.kinlink.access;

import com.vaadin.flow.internal.CurrentInstance;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends a user's sessions at once (S3): each session of theirs in Spring Security's session
 * registry is marked expired (so the security chain's concurrent-session filter signs it out at
 * its next request) and the server session is invalidated here and now, which also ends its
 * Vaadin session.
 *
 * <p>Across nodes the guarantee is the session stamp: a counter per user in {@code
 * app_user.session_stamp}, raised (in the same transaction as the change) whenever the user's
 * sessions must end. Each session remembers the stamp of its sign-in; {@link SessionStampFilter}
 * compares it at every request, on every node, and signs the session out when it differs. The
 * registry above only makes it immediate on the node that made the change.
 */
@Component
class UserSessions implements HttpSessionListener, HttpSessionIdListener {

    /** The session attribute holding the stamp the session was signed in with. */
    static final String STAMP = "kinlink.sessionStamp";

    private final SessionRegistry registry;
    private final JdbcClient jdbc;
    private final Map<String, HttpSession> open = new ConcurrentHashMap<>();

    UserSessions(SessionRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
    }

    /** The user's current session stamp, or empty when the user does not exist. */
    OptionalLong stamp(long userId) {
        return jdbc.sql("SELECT session_stamp FROM app_user WHERE id = ?")
                .param(userId)
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    /** Raises the stamp, which signs out every session of the user on every node at its next request. */
    long bumpStamp(long userId) {
        jdbc.sql("UPDATE app_user SET session_stamp = session_stamp + 1 WHERE id = ?")
                .param(userId)
                .update();
        return stamp(userId).orElseThrow();
    }

    /**
     * Ends every session of the user; inside a transaction, once it has committed (a change that is
     * rolled back ends nothing). Returns how many sessions the user has now.
     */
    int end(long userId) {
        int count = sessionsOf(userId).size();
        bumpStamp(userId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    endNow(userId);
                }
            });
        } else {
            endNow(userId);
        }
        return count;
    }

    /**
     * Ends every session of the user except the current request's (after the user changed their own
     * password): the stamp is raised, and the current session takes the new stamp once the
     * transaction has committed.
     */
    void endOthers(long userId) {
        long stamp = bumpStamp(userId);
        HttpSession current = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                        instanceof org.springframework.web.context.request.ServletRequestAttributes attributes
                ? attributes.getRequest().getSession(false)
                : null;
        Runnable after = () -> {
            if (current != null) {
                try {
                    current.setAttribute(STAMP, stamp);
                } catch (IllegalStateException alreadyInvalid) {
                    // ended meanwhile
                }
            }
            for (SessionInformation session : sessionsOf(userId)) {
                if (current == null || !session.getSessionId().equals(current.getId())) {
                    endSession(session);
                }
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    after.run();
                }
            });
        } else {
            after.run();
        }
    }

    java.util.List<SessionInformation> sessionsOf(long userId) {
        return registry.getAllPrincipals().stream()
                .filter(principal -> principal instanceof KinlinkUser user && user.id() == userId)
                .flatMap(principal -> registry.getAllSessions(principal, false).stream())
                .toList();
    }

    private void endNow(long userId) {
        for (SessionInformation session : sessionsOf(userId)) {
            endSession(session);
        }
    }

    private void endSession(SessionInformation session) {
        session.expireNow();
        HttpSession httpSession = open.remove(session.getSessionId());
        if (httpSession != null) {
            // Invalidating another user's session from an administrator's Vaadin request makes Vaadin
            // close that session's UIs on this thread, which leaves this thread's current UI and
            // session set to the closed ones (found in review: the administrator's page then failed
            // with "No currently active UI" and lost its connection). Keep ours and put them back.
            Map<Class<?>, CurrentInstance> current = CurrentInstance.getInstances();
            try {
                httpSession.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // ended meanwhile: nothing left to do
            } finally {
                CurrentInstance.clearAll();
                CurrentInstance.restoreInstances(current);
            }
        }
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        open.put(event.getSession().getId(), event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        open.remove(event.getSession().getId());
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        open.remove(oldSessionId);
        open.put(event.getSession().getId(), event.getSession());
    }
}
