package org.kinlink.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The signed-in user's authentication and request, for the second factor and the step-up: both
 * add an authority to the current authentication after a code (or password) was checked.
 */
final class SignedInAuthentication {

    private SignedInAuthentication() {}

    /**
     * Replaces the current authentication by one with the changed authorities, in this thread and in
     * the HTTP session (so that the next request sees it too).
     */
    static void changeAuthorities(UnaryOperator<List<GrantedAuthority>> change) {
        Authentication current =
                Objects.requireNonNull(SecurityContextHolder.getContext().getAuthentication());
        List<GrantedAuthority> authorities = change.apply(new ArrayList<>(current.getAuthorities()));
        var upgraded = UsernamePasswordAuthenticationToken.authenticated(current.getPrincipal(), null, authorities);
        upgraded.setDetails(current.getDetails());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(upgraded);
        SecurityContextHolder.setContext(context);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            var session = attributes.getRequest().getSession(false);
            if (session != null) {
                session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            }
        }
    }

    /** The client address of the current request, if there is one (for the throttle). */
    static @Nullable String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr()
                : null;
    }
}
