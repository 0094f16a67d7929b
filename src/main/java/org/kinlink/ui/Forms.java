package org.kinlink.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import java.util.Map;
import org.kinlink.InvalidInput;

/** Shows a service's refusal next to the field it names, keeping everything that was entered. */
public final class Forms {

    private Forms() {}

    public static void clearErrors(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
    }

    /** Marks the named field, or shows a notification when no field of the form matches. */
    public static void show(InvalidInput invalid, Map<String, ? extends HasValidation> fields, Component context) {
        String message = context.getTranslation(invalid.messageKey(), invalid.arguments());
        HasValidation field = fields.get(invalid.field());
        if (field != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
            if (field instanceof com.vaadin.flow.component.Focusable<?> focusable) {
                focusable.focus();
            }
        } else {
            Notifications.error(message);
        }
    }
}
