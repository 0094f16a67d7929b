package org.kinlink.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session a fixed time after sign-in, however active it is (the idle timeout is the
 * servlet container's). The next request then finds nobody signed in and goes to the login.
 */
@Component
class AbsoluteSessionTimeoutFilter extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = "kinlink.signedInAt";

    private final Duration lifetime;
    private final Clock clock;

    AbsoluteSessionTimeoutFilter(@Value("${kinlink.session.absolute-timeout:8h}") Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        if (session != null
                && session.getAttribute(SIGNED_IN_AT) instanceof Instant signedInAt
                && clock.instant().isAfter(signedInAt.plus(lifetime))) {
            session.invalidate();
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }
}
