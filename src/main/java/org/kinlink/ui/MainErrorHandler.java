package org.kinlink.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.kinlink.ConcurrentChange;
import org.kinlink.InvalidInput;
import org.kinlink.StepUpRequired;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Errors nobody caught closer to the user: a calm message with a reference on screen, the details
 * and the same reference in the log, never a stack trace on screen.
 */
@Component
class MainErrorHandler implements ErrorHandler, VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(MainErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable error = event.getThrowable();
        UI ui = UI.getCurrent();
        String key;
        Object[] arguments = {};
        Throwable cause = find(error);
        if (cause instanceof InvalidInput invalid) {
            key = invalid.messageKey();
            arguments = invalid.arguments();
            log.info("Refused input: {}", invalid.getMessage());
        } else if (cause instanceof ConcurrentChange || cause instanceof OptimisticLockingFailureException) {
            key = "error.concurrent-change";
            log.info("Concurrent change refused: {}", cause.getMessage());
        } else if (cause instanceof StepUpRequired) {
            key = "step-up.required";
            log.info("Step-up required: {}", cause.getMessage());
        } else if (cause instanceof AccessDeniedException) {
            key = "error.access-denied";
            log.warn("Access denied: {}", cause.getMessage());
        } else if (cause instanceof CannotCreateTransactionException
                || cause instanceof DataAccessResourceFailureException) {
            key = "error.database-unavailable";
            log.error("Database unavailable", error);
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Unexpected error, reference {}", reference, error);
            key = "error.unexpected";
            arguments = new Object[] {reference};
        }
        if (ui != null) {
            String message = ui.getTranslation(key, arguments);
            ui.access(() -> Notifications.error(message));
        }
    }

    /** The most telling cause: ours first, then Spring's, else the error itself. */
    private static Throwable find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof InvalidInput
                    || t instanceof StepUpRequired
                    || t instanceof ConcurrentChange
                    || t instanceof AccessDeniedException
                    || t instanceof OptimisticLockingFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return error;
    }
}
