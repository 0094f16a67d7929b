package org.kinlink.api.v1;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Any other path under {@code /api}: a problem 404, rather than falling through to Vaadin (mapped
 * at the root), which would answer with an HTML page and open a session. The patterns leave out
 * what springdoc serves ({@code /api/docs}, {@code /api/docs/swagger-config}, and the Swagger UI
 * files under {@code /api/docs/swagger-ui/}); more specific mappings win over these anyway.
 *
 * <p>Because these patterns match every method and content type, a request to an existing path
 * with a method it does not have, or a body type it does not take, also lands here; it gets 405
 * (with {@code Allow}) or 415 (with {@code Accept}) through {@link ApiProblems}, as Spring MVC
 * would answer without the catch-all.
 */
@RestController
class UnknownPathController {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    UnknownPathController(
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @RequestMapping({"/api", "/api/v1/**", "/api/{first:(?!v1$|docs$).+}/**", "/api/docs/{second:(?!swagger-ui$).+}/**"
    })
    ResponseEntity<ProblemDetail> unknown(HttpServletRequest request)
            throws HttpRequestMethodNotSupportedException, HttpMediaTypeNotSupportedException {
        refuseMethodOrContentType(request);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such API endpoint.");
        problem.setTitle("Not Found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** 405 when the path exists for other methods only, 415 when it exists for this method with other body types. */
    private void refuseMethodOrContentType(HttpServletRequest request)
            throws HttpRequestMethodNotSupportedException, HttpMediaTypeNotSupportedException {
        Set<String> allowed = new LinkedHashSet<>();
        Set<MediaType> consumable = new LinkedHashSet<>();
        boolean methodMatches = false;
        for (var mapping : mappings.getObject().getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            var paths = info.getPathPatternsCondition();
            if (mapping.getValue().getBeanType() == UnknownPathController.class
                    || paths == null
                    || paths.getMatchingCondition(request) == null) {
                continue;
            }
            if (info.getMethodsCondition().getMatchingCondition(request) == null) {
                info.getMethodsCondition().getMethods().forEach(method -> allowed.add(method.name()));
                continue;
            }
            methodMatches = true;
            if (info.getConsumesCondition().getMatchingCondition(request) == null) {
                consumable.addAll(info.getConsumesCondition().getConsumableMediaTypes());
            }
        }
        if (!consumable.isEmpty()) {
            throw new HttpMediaTypeNotSupportedException(
                    contentType(request), List.copyOf(consumable), HttpMethod.valueOf(request.getMethod()));
        }
        if (!methodMatches && !allowed.isEmpty()) {
            throw new HttpRequestMethodNotSupportedException(request.getMethod(), allowed);
        }
    }

    private static @Nullable MediaType contentType(HttpServletRequest request) {
        try {
            return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (InvalidMediaTypeException invalid) {
            return null;
        }
    }
}
