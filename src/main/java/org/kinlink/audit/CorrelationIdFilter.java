package org.kinlink.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id, put in the log lines (MDC) and in the audit events it
 * causes, so that a log line and an audit event can be matched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MDC.put(AuditContext.CORRELATION_ID, UUID.randomUUID().toString().substring(0, 18));
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(AuditContext.CORRELATION_ID);
        }
    }
}
