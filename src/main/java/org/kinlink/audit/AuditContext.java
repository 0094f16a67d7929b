package org.kinlink.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Captures who and where from the current security context and request. */
@Component
class AuditContext {

    static final String CORRELATION_ID = "correlationId";

    record Captured(
            @Nullable Long actorId,
            @Nullable String actorName,
            @Nullable String actorRoles,
            @Nullable String clientAddress,
            @Nullable String sessionHash,
            @Nullable String correlationId) {}

    Captured capture() {
        Long actorId = null;
        String actorName = null;
        String roles = null;
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && !isAnonymous(authentication)) {
            if (authentication.getPrincipal() instanceof AuditActor actor) {
                actorId = actor.actorId();
                actorName = actor.actorName();
            } else {
                actorName = authentication.getName();
            }
            roles = authentication.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(a -> a != null && a.startsWith("ROLE_"))
                    .map(a -> a.substring(5))
                    .sorted()
                    .collect(Collectors.joining(","));
        }
        String client = null;
        String session = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            client = request.getRemoteAddr();
            var httpSession = request.getSession(false);
            if (httpSession != null) {
                session = hashSessionId(httpSession.getId());
            }
        }
        return new Captured(actorId, actorName, roles, client, session, MDC.get(CORRELATION_ID));
    }

    private static boolean isAnonymous(Authentication authentication) {
        return authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ANONYMOUS".equals(a.getAuthority()));
    }

    /** The session id itself is a credential; only a hash of it is recorded. */
    static String hashSessionId(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
