package org.kinlink.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The second security chain, for {@code /api/**} only, ahead of the Vaadin chain (which is left as
 * it is and handles everything else): stateless (no session is created or read, so a browser's
 * session cookie does not authenticate an API call and CSRF protection is not needed here),
 * authenticated by {@code Authorization: Bearer <token>} alone. A missing or refused token gets
 * 401, a role the endpoint does not allow gets 403, both as problem details. The OpenAPI
 * description is public: it describes the shape of the API, holds no data, and integrators need it
 * before they hold a token.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String API_PATHS = "/api/**";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiTokenAuthenticator tokens) throws Exception {
        http.securityMatcher(API_PATHS);
        http.csrf(csrf -> csrf.disable());
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.requestCache(cache -> cache.disable());
        http.formLogin(form -> form.disable());
        http.httpBasic(basic -> basic.disable());
        http.logout(logout -> logout.disable());
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/api/docs", "/api/docs.yaml", "/api/docs/**")
                .permitAll()
                .anyRequest()
                .authenticated());
        http.exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, exception) -> problem(
                        response,
                        HttpServletResponse.SC_UNAUTHORIZED,
                        "Unauthorized",
                        "A valid API token is required."))
                .accessDeniedHandler((request, response, exception) -> problem(
                        response,
                        HttpServletResponse.SC_FORBIDDEN,
                        "Forbidden",
                        "Your roles do not allow this operation.")));
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'"))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .frameOptions(frame -> frame.deny()));
        http.addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    /** Writes an RFC 9457 problem; the texts are fixed, never taken from the request. */
    static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail + "\"}");
    }

    /**
     * Authenticates a request that carries a bearer token. Not a bean: as a bean, Spring Boot would
     * also register it as a servlet filter for every URL.
     */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private static final String BEARER = "Bearer ";

        private final ApiTokenAuthenticator tokens;

        BearerTokenFilter(ApiTokenAuthenticator tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null) {
                chain.doFilter(request, response);
                return;
            }
            if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", "Use a bearer API token.");
                return;
            }
            Optional<Authentication> authentication =
                    tokens.authenticate(header.substring(BEARER.length()).strip());
            if (authentication.isEmpty()) {
                problem(
                        response,
                        HttpServletResponse.SC_UNAUTHORIZED,
                        "Unauthorized",
                        "The API token is not valid, has expired or was revoked.");
                return;
            }
            var strategy = SecurityContextHolder.getContextHolderStrategy();
            var context = strategy.createEmptyContext();
            context.setAuthentication(authentication.get());
            strategy.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                strategy.clearContext();
            }
        }
    }
}
