package org.kinlink.access;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>Sessions live in the memory of the node that serves them (sticky sessions, see DESIGN.md).
 * In a cluster each node would have to be told; this is a single-node implementation, noted in
 * docs/architecture.md.
 */
@Component
class UserSessions implements HttpSessionListener, HttpSessionIdListener {

    private final SessionRegistry registry;
    private final Map<String, HttpSession> open = new ConcurrentHashMap<>();

    UserSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /**
     * Ends every session of the user; inside a transaction, once it has committed (a change that is
     * rolled back ends nothing). Returns how many sessions the user has now.
     */
    int end(long userId) {
        int count = sessionsOf(userId).size();
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

    java.util.List<SessionInformation> sessionsOf(long userId) {
        return registry.getAllPrincipals().stream()
                .filter(principal -> principal instanceof KinlinkUser user && user.id() == userId)
                .flatMap(principal -> registry.getAllSessions(principal, false).stream())
                .toList();
    }

    private void endNow(long userId) {
        for (SessionInformation session : sessionsOf(userId)) {
            session.expireNow();
            HttpSession httpSession = open.remove(session.getSessionId());
            if (httpSession != null) {
                try {
                    httpSession.invalidate();
                } catch (IllegalStateException alreadyInvalid) {
                    // ended meanwhile: nothing left to do
                }
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
