package org.kinlink.access;

import org.aopalliance.intercept.MethodInterceptor;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A3 at the service layer: while the second factor is required, every method-secured service
 * (everything with {@link PreAuthorize}) refuses a signed-in user who has not passed it in this
 * session, except {@link SecondFactor} itself, through which it is passed. Navigation sends such a
 * user to the second-factor views first; this guard makes sure no other path reaches a service.
 */
@Configuration(proxyBeanMethods = false)
class SecondFactorGuard {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor secondFactorAdvisor(ObjectProvider<SecondFactorPolicy> policy, ObjectProvider<AuditTrail> audit) {
        var pointcut = new ComposablePointcut(new AnnotationMatchingPointcut(PreAuthorize.class, true))
                .union(AnnotationMatchingPointcut.forMethodAnnotation(PreAuthorize.class))
                .intersection((Class<?> type) -> type != SecondFactor.class);
        MethodInterceptor guard = invocation -> {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null
                    && authentication.getPrincipal() instanceof KinlinkUser user
                    && policy.getObject().required()
                    && authentication.getAuthorities().stream()
                            .noneMatch(authority -> SecondFactor.FACTOR_TOTP.equals(authority.getAuthority()))) {
                audit.getObject()
                        .recordIndependently(AuditEntry.denied("SECOND_FACTOR_REQUIRED", "USER", user.id())
                                .because(invocation
                                                .getMethod()
                                                .getDeclaringClass()
                                                .getSimpleName() + "."
                                        + invocation.getMethod().getName()));
                throw new AccessDeniedException("second factor not passed");
            }
            return invocation.proceed();
        };
        return new DefaultPointcutAdvisor(pointcut, guard);
    }
}
