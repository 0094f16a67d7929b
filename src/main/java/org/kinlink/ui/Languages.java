package org.kinlink.ui;

import com.vaadin.flow.component.Direction;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The languages of the UI and the text direction each needs. */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale PERSIAN = Locale.forLanguageTag("fa");
    public static final Locale ALBANIAN = Locale.forLanguageTag("sq");
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, PERSIAN, ALBANIAN);

    /** Session attribute holding the language chosen in this session. */
    private static final String CHOSEN = "kinlink.language";

    private Languages() {}

    public static Locale closest(@Nullable Locale requested) {
        if (requested == null) {
            return ENGLISH;
        }
        return SUPPORTED.stream()
                .filter(locale -> locale.getLanguage().equals(requested.getLanguage()))
                .findFirst()
                .orElse(ENGLISH);
    }

    public static boolean isRightToLeft(Locale locale) {
        return List.of("fa", "ar", "he", "ur", "ps", "ckb").contains(locale.getLanguage());
    }

    /** Shows the UI in the language, with the matching direction. */
    public static void apply(UI ui, Locale requested) {
        Locale locale = closest(requested);
        ui.setLocale(locale);
        ui.setDirection(isRightToLeft(locale) ? Direction.RIGHT_TO_LEFT : Direction.LEFT_TO_RIGHT);
        ui.getElement().setAttribute("lang", locale.getLanguage());
    }

    public static void rememberChoice(VaadinSession session, Locale locale) {
        session.setAttribute(CHOSEN, closest(locale).toLanguageTag());
    }

    public static @Nullable Locale chosen(VaadinSession session) {
        return session.getAttribute(CHOSEN) instanceof String tag ? Locale.forLanguageTag(tag) : null;
    }

    /** The name of a language in that language, as language pickers show it. */
    public static String nativeName(Locale locale) {
        String name = locale.getDisplayLanguage(locale);
        return name.isEmpty() ? locale.toLanguageTag() : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
