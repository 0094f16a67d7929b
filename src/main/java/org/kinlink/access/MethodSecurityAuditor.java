package org.kinlink.access;

import org.aopalliance.intercept.MethodInvocation;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;

/**
 * L1 and C2: a service call refused by {@code @PreAuthorize} (the caller lacks the role) is
 * recorded as {@code ACCESS_DENIED}, like a refusal of the {@link AccessPolicy}. Method security
 * publishes {@link AuthorizationDeniedEvent} once an {@link AuthorizationEventPublisher} bean
 * exists; web-request refusals (anonymous requests redirected to the login) are left to the
 * navigation auditing and not recorded here.
 */
@Configuration(proxyBeanMethods = false)
class MethodSecurityAuditor {

    @Bean
    static AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    private final AuditTrail audit;

    MethodSecurityAuditor(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void onDenied(AuthorizationDeniedEvent<?> denied) {
        if (denied.getObject() instanceof MethodInvocation invocation) {
            var method = invocation.getMethod();
            audit.recordIndependently(AuditEntry.denied("ACCESS_DENIED", "OPERATION", null)
                    .because(method.getDeclaringClass().getSimpleName() + "." + method.getName()));
        }
    }
}
