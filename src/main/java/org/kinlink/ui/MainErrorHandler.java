package org.kinlink.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
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
import org.springframework.transaction.TransactionSystemException;

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
        } else if (databaseUnavailable(cause)) {
            key = "error.database-unavailable";
            // the cause only: no statement text or values in the log
            log.error("Database unavailable: {}", cause.getClass().getName());
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

    /** The message key the user sees for an error (without its arguments). */
    static String keyFor(Throwable error) {
        Throwable cause = find(error);
        if (cause instanceof InvalidInput invalid) {
            return invalid.messageKey();
        } else if (cause instanceof ConcurrentChange || cause instanceof OptimisticLockingFailureException) {
            return "error.concurrent-change";
        } else if (cause instanceof StepUpRequired) {
            return "step-up.required";
        } else if (cause instanceof AccessDeniedException) {
            return "error.access-denied";
        } else if (databaseUnavailable(cause)) {
            return "error.database-unavailable";
        }
        return "error.unexpected";
    }

    /**
     * R2: the database cannot be reached or stopped answering (no connection within the pool's
     * timeout, a connection lost, a statement past the socket timeout). The transaction did not
     * commit, so the user is told that nothing was saved.
     */
    private static boolean databaseUnavailable(Throwable cause) {
        return cause instanceof CannotCreateTransactionException
                || cause instanceof DataAccessResourceFailureException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof JDBCConnectionException
                // SQL state class 08: connection exception
                || (cause instanceof SQLException sql
                        && sql.getSQLState() != null
                        && sql.getSQLState().startsWith("08"))
                // commit or rollback failed on the JDBC connection itself (it was closed after a
                // statement timed out): the transaction did not commit
                || (cause instanceof TransactionSystemException && cause.getCause() instanceof SQLException)
                || (cause instanceof TransactionException && cause.getCause() instanceof SQLException);
    }

    /** The most telling cause: ours first, then Spring's, else the error itself. */
    private static Throwable find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof InvalidInput
                    || t instanceof StepUpRequired
                    || t instanceof ConcurrentChange
                    || t instanceof AccessDeniedException
                    || t instanceof OptimisticLockingFailureException
                    || databaseUnavailable(t)) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return error;
    }
}
