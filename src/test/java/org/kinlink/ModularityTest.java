package org.kinlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The application modules of DESIGN.md: no module reaches into another's internals, no cycles. */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(KinlinkApplication.class);

    @Test
    void modules_use_only_each_others_public_api_and_form_no_cycles() {
        MODULES.verify();
    }

    @Test
    void writes_a_diagram_and_a_description_of_every_module() {
        new Documenter(MODULES).writeDocumentation();

        Path docs = Path.of("target/spring-modulith-docs");
        assertThat(docs.resolve("components.puml")).isNotEmptyFile();
        MODULES.forEach(module -> assertThat(
                        docs.resolve("module-" + module.getIdentifier().toString() + ".adoc"))
                .isNotEmptyFile());
    }
}
