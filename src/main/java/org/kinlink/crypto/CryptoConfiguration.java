package org.kinlink.crypto;

import java.nio.file.Path;
import org.kinlink.startup.StartupProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    @Bean
    KeyRing keyRing(
            @Value("${kinlink.keyset:}") String keyset,
            @Value("${kinlink.keyset-generate-if-missing:false}") boolean generateIfMissing) {
        if (keyset.isBlank()) {
            throw new StartupProblem(
                    "No keyset is configured: sensitive data cannot be encrypted.",
                    "Set KINLINK_KEYSET to the path of a keyset file (create one with: java -jar kinlink.jar "
                            + "--generate-keyset=PATH), or run with the demo profile.");
        }
        return KeyRing.load(Path.of(keyset), generateIfMissing);
    }
}
