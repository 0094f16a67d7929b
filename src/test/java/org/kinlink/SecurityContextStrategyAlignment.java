package org.kinlink;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Points {@link SecurityContextHolder} at the security-context strategy of the application context
 * the current test runs in.
 *
 * <p>Vaadin gives every application context its own strategy (one thread-local each) and installs it
 * globally when that context starts. The suite runs two contexts in one JVM (the mock-web one and the
 * one with a real server), so after the second one starts, method security of the first (which uses
 * its own strategy bean) and code that reads {@code SecurityContextHolder} statically ({@code
 * CurrentUser}, the audit context) would look at different thread-locals. In production there is one
 * context, so the two are always the same.
 */
public class SecurityContextStrategyAlignment extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void prepareTestInstance(TestContext testContext) {
        align(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        align(testContext);
    }

    private static void align(TestContext testContext) {
        testContext
                .getApplicationContext()
                .getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }
}
