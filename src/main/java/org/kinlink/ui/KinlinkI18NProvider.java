package org.kinlink.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * All UI text comes from the bundles {@code vaadin-i18n/translations*.properties} (UTF-8). A
 * missing key shows as {@code !key!} and is logged, so it is noticed rather than hidden.
 */
@Component
public class KinlinkI18NProvider implements I18NProvider {

    static final String BUNDLE = "vaadin-i18n.translations";
    private static final Logger log = LoggerFactory.getLogger(KinlinkI18NProvider.class);

    @Override
    public List<Locale> getProvidedLocales() {
        return Languages.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale supported = Languages.closest(locale);
        try {
            String pattern = ResourceBundle.getBundle(
                            BUNDLE,
                            supported,
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, supported).format(params);
        } catch (MissingResourceException e) {
            log.warn("Missing translation '{}' for {}", key, supported);
            return "!" + key + "!";
        }
    }
}
