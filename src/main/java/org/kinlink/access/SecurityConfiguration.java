package org.kinlink.access;

import com.vaadin.flow.server.auth.AccessCheckDecision;
import com.vaadin.flow.server.auth.AccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.AccessCheckResult;
import com.vaadin.flow.server.auth.DefaultAccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.NavigationContext;
import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.List;
import java.util.Map;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/** One Vaadin security chain; every service method is additionally guarded by method security. */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    /** Argon2id parameters (OWASP): 19 MiB memory, 2 iterations, 1 lane, 16-byte salt, 32-byte hash. */
    static final int ARGON2_MEMORY_KIB = 19 * 1024;

    static final int ARGON2_ITERATIONS = 2;

    /** The login view's route (the shell's LoginView); a path, so that this module does not depend on the shell. */
    static final String LOGIN_PATH = "login";

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            AbsoluteSessionTimeoutFilter absoluteTimeout,
            SessionStampFilter sessionStamp,
            SignInThrottle throttle,
            UserAccountRepository users,
            AuditTrail audit,
            SessionRegistry sessionRegistry)
            throws Exception {
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LOGIN_PATH));
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
                // S3: every session is registered, without a limit, so that a user's sessions can be ended
                .maximumSessions(-1)
                .sessionRegistry(sessionRegistry)
                .expiredUrl("/" + LOGIN_PATH));
        // the login page and the application's own stylesheets must load before sign-in
        http.authorizeHttpRequests(
                requests -> requests.requestMatchers("/styles/**").permitAll());
        http.headers(headers -> {
            headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                @Override
                public <O extends HeaderWriterFilter> O postProcess(O filter) {
                    // Vaadin writes its pages without the hook that adds the headers on commit
                    filter.setShouldWriteHeadersEagerly(true);
                    return filter;
                }
            });
            headers.contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'"))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                    .frameOptions(frame -> frame.deny());
        });
        http.addFilterAfter(absoluteTimeout, SecurityContextHolderFilter.class);
        // S3 across nodes: a session whose user's stamp changed (on any node) is signed out
        http.addFilterAfter(sessionStamp, AbsoluteSessionTimeoutFilter.class);
        // A4: a throttled attempt is refused before its password is checked
        http.addFilterBefore(
                new SignInThrottleFilter("/" + LOGIN_PATH, throttle, users, audit),
                UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /** The signed-in sessions (S3); kept up to date by the session events published below. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        var argon2 = new Argon2PasswordEncoder(16, 32, 1, ARGON2_MEMORY_KIB, ARGON2_ITERATIONS);
        // stored as {argon2}...; a hash with weaker parameters is upgraded at the next sign-in
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
    }

    @Bean
    static NavigationAccessControlConfigurer navigationAccessControlConfigurer(ObjectProvider<AuditTrail> audit) {
        return new NavigationAccessControlConfigurer()
                .withAnnotatedViewAccessChecker()
                .withDecisionResolver(new AuditingDecisionResolver(audit));
    }

    /** Vaadin's own decision, plus an audit event whenever a navigation is denied. */
    static final class AuditingDecisionResolver implements AccessCheckDecisionResolver {

        private final AccessCheckDecisionResolver decisions = new DefaultAccessCheckDecisionResolver();
        private final transient ObjectProvider<AuditTrail> audit;

        AuditingDecisionResolver(ObjectProvider<AuditTrail> audit) {
            this.audit = audit;
        }

        @Override
        public AccessCheckResult resolve(List<AccessCheckResult> results, NavigationContext context) {
            AccessCheckResult result = decisions.resolve(results, context);
            // menus also ask whether a view is accessible; only real navigation is recorded
            if (context.isNavigating() && result.decision() != AccessCheckDecision.ALLOW) {
                audit.getObject()
                        .recordIndependently(AuditEntry.denied("NAVIGATION_DENIED", "VIEW", null)
                                .because("/" + context.getLocation().getPath()
                                        + (context.getPrincipal() == null ? " (not signed in)" : "")));
            }
            return result;
        }
    }
}
