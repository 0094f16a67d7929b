package org.kinlink.api.v1;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kinlink.ConcurrentChange;
import org.kinlink.InvalidInput;
import org.kinlink.RecordNotFound;
import org.kinlink.StepUpRequired;
import org.kinlink.ui.KinlinkI18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error of the API as an RFC 9457 problem ({@code application/problem+json}), never a stack
 * trace: bad input 400 naming the field(s) with the English message, a record that does not exist
 * or belongs to another team 404 (the same answer, so that nothing confirms another team's record
 * exists), a role the operation does not allow 403, a stale version 409.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final KinlinkI18NProvider translations;

    ApiProblems(KinlinkI18NProvider translations) {
        this.translations = translations;
    }

    /** One field a request got wrong, with the reason in English. */
    record FieldError(String field, String message) {}

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalidInput(InvalidInput invalid) {
        return badRequest(List.of(new FieldError(
                invalid.field(),
                translations.getTranslation(invalid.messageKey(), Locale.ENGLISH, invalid.arguments()))));
    }

    @ExceptionHandler(RecordNotFound.class)
    ProblemDetail notFound(RecordNotFound notFound) {
        return notFound();
    }

    /** A refusal of the access policy for one record: "not found", as for a record that does not exist (C3). */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail recordDenied(AccessDeniedException denied) {
        return notFound();
    }

    /** A refusal of method security: the caller's roles do not allow the operation at all (no record is named). */
    @ExceptionHandler(AuthorizationDeniedException.class)
    ProblemDetail roleDenied(AuthorizationDeniedException denied) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your roles do not allow this operation.");
        problem.setTitle("Forbidden");
        return problem;
    }

    /**
     * S4: exports and location reveals need a re-confirmed second factor, which a token holder
     * cannot give (a token is a credential of its own, without a session to re-confirm in). The
     * operation stays in the application, where the user re-confirms.
     */
    @ExceptionHandler(StepUpRequired.class)
    ProblemDetail stepUpRequired(StepUpRequired stepUp) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN,
                "This operation needs the user to re-confirm their second factor; it is available in the application only, not through the API.");
        problem.setTitle("Re-confirmation required");
        problem.setProperty("operation", stepUp.operation());
        return problem;
    }

    @ExceptionHandler(ConcurrentChange.class)
    ProblemDetail concurrentChange(ConcurrentChange stale) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "The record was changed by someone else after you read it. Read it again.");
        problem.setTitle("Conflict");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception unexpected) {
        log.error("Unexpected error in an API request", unexpected);
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong. Nothing was changed.");
        problem.setTitle("Internal Server Error");
        return problem;
    }

    /** Malformed JSON, a value of the wrong type or an unknown enum value: 400, naming the field where known. */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = fieldOf(ex);
        ProblemDetail problem = field == null
                ? badRequest(List.of(), "The request body is not valid JSON for this operation.")
                : badRequest(List.of(
                        new FieldError(field, translations.getTranslation("api.value-invalid", Locale.ENGLISH))));
        return ResponseEntity.badRequest().body(problem);
    }

    /** A query parameter or path value of the wrong type (a number, an unknown status…). */
    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch
                ? mismatch.getName()
                : String.valueOf(ex.getPropertyName());
        return ResponseEntity.badRequest()
                .body(badRequest(List.of(
                        new FieldError(field, translations.getTranslation("api.value-invalid", Locale.ENGLISH)))));
    }

    private ProblemDetail badRequest(List<FieldError> errors) {
        return badRequest(errors, "The request has invalid values; see errors.");
    }

    private static ProblemDetail badRequest(List<FieldError> errors, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Bad Request");
        problem.setProperties(Map.of("errors", errors));
        return problem;
    }

    private static ProblemDetail notFound() {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such record.");
        problem.setTitle("Not Found");
        return problem;
    }

    private static @Nullable String fieldOf(HttpMessageNotReadableException ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                var parts = new ArrayList<String>();
                for (JacksonException.Reference reference : jackson.getPath()) {
                    if (reference.getPropertyName() != null) {
                        parts.add(reference.getPropertyName());
                    } else if (reference.getIndex() >= 0) {
                        parts.add(Integer.toString(reference.getIndex()));
                    }
                }
                return parts.isEmpty() ? null : String.join(".", parts);
            }
        }
        return null;
    }
}
