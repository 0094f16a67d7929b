package org.kinlink.api.v1;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any other path under {@code /api}: a problem 404, rather than falling through to Vaadin (mapped
 * at the root), which would answer with an HTML page and open a session. The patterns leave out
 * what springdoc serves ({@code /api/docs}, {@code /api/docs/swagger-config}, and the Swagger UI
 * files under {@code /api/docs/swagger-ui/}); more specific mappings win over these anyway.
 */
@RestController
class UnknownPathController {

    @RequestMapping({"/api", "/api/v1/**", "/api/{first:(?!v1$|docs$).+}/**", "/api/docs/{second:(?!swagger-ui$).+}/**"
    })
    ResponseEntity<ProblemDetail> unknown() {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such API endpoint.");
        problem.setTitle("Not Found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
