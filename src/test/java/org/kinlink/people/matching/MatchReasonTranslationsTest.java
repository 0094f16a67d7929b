package org.kinlink.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MatchReasonTranslationsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"translations.properties", "translations_fa.properties"})
    void every_match_reason_has_a_text_in_each_language(String bundle) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/vaadin-i18n/" + bundle)) {
            assertThat(in).as(bundle).isNotNull();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (MatchReason reason : MatchReason.values()) {
            assertThat(texts.getProperty(reason.messageKey()))
                    .as(reason.messageKey())
                    .isNotBlank();
        }
    }
}
