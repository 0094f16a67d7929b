package org.kinlink.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt while its account or its client address is throttled (A4), before the
 * password is checked, with the very answer a wrong password gets (A5): a redirect to the login
 * page with {@code ?error}. Placed in the security chain before the form login, never registered
 * as a servlet filter of its own.
 *
 * <p>It looks at every POST that carries a username and a password, whatever its path: the form
 * login matches its path after decoding and normalising it, so comparing the raw request URI with
 * {@code /login} let {@code POST /%6Cogin} sign in past the throttle (found in review).
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

    private final String loginPath;
    private final SignInThrottle throttle;
    private final UserAccountRepository users;
    private final AuditTrail audit;

    SignInThrottleFilter(String loginPath, SignInThrottle throttle, UserAccountRepository users, AuditTrail audit) {
        this.loginPath = loginPath;
        this.throttle = throttle;
        this.users = users;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String username = request.getParameter("username");
        if (username == null || request.getParameter("password") == null) {
            chain.doFilter(request, response);
            return;
        }
        var blocked = throttle.blockedUntil(username, request.getRemoteAddr());
        if (blocked.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        var account = users.findByUsername(username);
        audit.recordIndependently(AuditEntry.denied(
                        "SIGN_IN_THROTTLED",
                        "USER",
                        account.map(UserAccount::id).orElse(null))
                .by(
                        account.map(UserAccount::id).orElse(null),
                        account.map(UserAccount::username).orElse(null))
                .because("too many failed sign-ins; next attempt after " + blocked.get()));
        response.sendRedirect(request.getContextPath() + loginPath + "?error");
    }
}
