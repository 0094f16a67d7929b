package org.kinlink.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * S3 across nodes: at every request of a signed-in session, compares the session stamp the session
 * remembers from its sign-in with the user's stamp in the database (one primary-key read, not
 * cached, so a change made on any node takes effect at the very next request). When they differ —
 * or the session has none, or the user is gone — the session is invalidated and the request goes
 * on as nobody's, which sends it to the login page. Fails closed: if the stamp cannot be read, the
 * request fails rather than passing unchecked.
 */
@Component
class SessionStampFilter extends OncePerRequestFilter {

    private final UserSessions sessions;
    private final ObjectProvider<AuditTrail> audit;

    SessionStampFilter(UserSessions sessions, ObjectProvider<AuditTrail> audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        if (session != null
                && SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof KinlinkUser user) {
            Object remembered = session.getAttribute(UserSessions.STAMP);
            var current = sessions.stamp(user.id());
            if (!(remembered instanceof Long stamp) || current.isEmpty() || current.getAsLong() != stamp) {
                try {
                    session.invalidate();
                } catch (IllegalStateException alreadyInvalid) {
                    // ended meanwhile
                }
                SecurityContextHolder.clearContext();
                audit.getObject()
                        .recordIndependently(AuditEntry.success("SESSION_ENDED", "USER", user.id())
                                .by(user.id(), user.getUsername())
                                .because("session stamp changed"));
            }
        }
        chain.doFilter(request, response);
    }
}
