package org.kinlink.api.v1;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's title and its one security scheme: a personal API token as bearer. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String TOKEN = "apiToken";

    @Bean
    OpenAPI kinlinkOpenApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("Kinlink API")
                                .version("v1")
                                .description(
                                        "Persons, cases, parties, status transitions, correspondence and letters, with the same"
                                                + " access rules, masking and audit as the application. Authenticate with a"
                                                + " personal API token issued by an administrator, sent as the header Authorization: Bearer"
                                                + " followed by the token."
                                                + " Letters to institutions and their workflow (draft, approval, sending, acknowledgement,"
                                                + " answer) and institutions are included; files (letter PDFs, scanned answers) are uploaded"
                                                + " and downloaded in the application only, not through the API."
                                                + " Errors are RFC 9457 problem details; lists take ?page=&size= (size at most 100)."))
                .components(new Components()
                        .addSecuritySchemes(
                                TOKEN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A personal API token (kl_...)")))
                .addSecurityItem(new SecurityRequirement().addList(TOKEN));
    }
}
