package org.kinlink.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report for a request under {@code /api} that the container refuses before any
 * filter or servlet sees it (an encoded {@code /}, a {@code ..} segment, a request line that is too
 * long…): a problem instead of Tomcat's HTML page. A request whose request line Tomcat could not
 * read at all (longer than the header limit) has no known path and also gets the problem: it
 * cannot be a page of the application either. Every other request keeps Tomcat's report.
 * Installed on the host by {@link ApiSecurityConfiguration#apiErrorReportValve()}.
 */
public class ApiErrorReportValve extends ErrorReportValve {

    public ApiErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        String uri = request.getRequestURI();
        boolean pathUnknown = uri == null || uri.isEmpty();
        if (status < 400
                || response.getContentWritten() > 0
                || !(pathUnknown || ApiSecurityConfiguration.isApiPath(uri, request.getContextPath()))) {
            super.report(request, response, throwable);
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ApiSecurityConfiguration.problemJson(
                        status,
                        known == null ? "Error" : known.getReasonPhrase(),
                        ApiSecurityConfiguration.ErrorDispatchProblemFilter.detail(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // The client went away or the response is already committed: nothing more to say.
        }
    }
}
