package org.kinlink.access;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in user of the current request, if any. */
@Component
public class CurrentUser {

    public Optional<KinlinkUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof KinlinkUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public KinlinkUser require() {
        return get().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("not signed in"));
    }
}
