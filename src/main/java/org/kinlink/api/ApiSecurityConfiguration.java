package org.kinlink.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.apache.catalina.core.StandardHost;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The second security chain, for {@code /api/**} only, ahead of the Vaadin chain (which is left as
 * it is and handles everything else): stateless (no session is created or read, so a browser's
 * session cookie does not authenticate an API call and CSRF protection is not needed here),
 * authenticated by {@code Authorization: Bearer <token>} alone. A missing or refused token gets
 * 401, a role the endpoint does not allow gets 403, both as problem details. The OpenAPI
 * description is public: it describes the shape of the API, holds no data, and integrators need it
 * before they hold a token.
 *
 * <p>Requests under {@code /api} that are refused before they reach a controller also get a
 * problem, never the UI chain's redirect to {@code /login} or an HTML page: the firewall's
 * rejection (an encoded {@code /}, {@code ;}, {@code %25}, {@code ..}…) is written by {@link
 * #apiRequestRejectedHandler()}, and the container's error dispatch to {@code /error} for an API
 * request (any {@code sendError}) is matched by this chain and answered by {@link
 * ErrorDispatchProblemFilter}.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String API_PATHS = "/api/**";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiTokenAuthenticator tokens) throws Exception {
        http.securityMatcher(new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(API_PATHS),
                ApiSecurityConfiguration::isErrorDispatchOfApiRequest));
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
        http.addFilterBefore(new ErrorDispatchProblemFilter(), AnonymousAuthenticationFilter.class);
        http.addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    /**
     * The firewall (Spring Security's {@code StrictHttpFirewall}) refuses a request before any
     * chain: for a path under {@code /api} the answer is a problem 400 written at once (the default
     * handler's {@code sendError} would be dispatched to {@code /error}); other paths keep the
     * default handling. The only bean of its type, so it applies to every chain.
     */
    @Bean
    RequestRejectedHandler apiRequestRejectedHandler() {
        var standard = new HttpStatusRequestRejectedHandler();
        return (request, response, rejected) -> {
            if (!isApiPath(request.getRequestURI(), request.getContextPath())) {
                standard.handle(request, response, rejected);
                return;
            }
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            problem(
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    "Bad Request",
                    "The request was rejected: its path, query or headers are not allowed.");
        };
    }

    /** An error dispatch ({@code /error}) of a request whose own path was under {@code /api}. */
    static boolean isErrorDispatchOfApiRequest(HttpServletRequest request) {
        return request.getDispatcherType() == DispatcherType.ERROR
                && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                && isApiPath(uri, request.getContextPath());
    }

    /** Whether a raw request URI (not decoded) is under {@code /api}; repeated leading slashes count as one. */
    static boolean isApiPath(@Nullable String uri, @Nullable String contextPath) {
        if (uri == null) {
            return false;
        }
        String path = contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath)
                ? uri.substring(contextPath.length())
                : uri;
        int start = 0;
        while (start + 1 < path.length() && path.charAt(start) == '/' && path.charAt(start + 1) == '/') {
            start++;
        }
        path = path.substring(start).toLowerCase(Locale.ROOT);
        return path.equals("/api") || path.startsWith("/api/") || path.startsWith("/api;") || path.startsWith("/api?");
    }

    /**
     * Answers the container's error dispatch of an API request (a {@code sendError} by the
     * container, Spring MVC or a filter) with a problem carrying the original status, instead of
     * letting {@code /error} render a page. The texts are fixed per status.
     */
    static final class ErrorDispatchProblemFilter implements Filter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (!(request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer)
                    || http.getDispatcherType() != DispatcherType.ERROR) {
                chain.doFilter(request, response);
                return;
            }
            int status = http.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
                    ? code
                    : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
            HttpStatus known = HttpStatus.resolve(status);
            answer.resetBuffer();
            answer.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            answer.setHeader("X-Content-Type-Options", "nosniff");
            problem(answer, status, known == null ? "Error" : known.getReasonPhrase(), detail(status));
        }

        static String detail(int status) {
            return switch (status) {
                case 400 -> "The request is malformed or not allowed.";
                case 401 -> "A valid API token is required.";
                case 403 -> "Your roles do not allow this operation.";
                case 404 -> "No such API endpoint.";
                case 405 -> "This method is not allowed for this endpoint.";
                case 406 -> "The API answers with JSON only.";
                case 413, 414, 431 -> "The request is too large.";
                case 415 -> "This content type is not supported; send application/json.";
                default ->
                    status < 500 ? "The request cannot be processed." : "Something went wrong. Nothing was changed.";
            };
        }
    }

    /** Writes an RFC 9457 problem; the texts are fixed, never taken from the request. */
    static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(problemJson(status, title, detail));
    }

    static String problemJson(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\"}";
    }

    /**
     * Tomcat answers some malformed requests itself, before any filter (an encoded {@code /}, a
     * {@code ..} segment, an over-long request line): its host's error report writes a problem for
     * paths under {@code /api} ({@link ApiErrorReportValve}) and Tomcat's page for the others.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
                host.getPipeline().addValve(new ApiErrorReportValve());
            }
        });
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
