package org.kinlink.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short messages after an action; errors stay until closed so they can be read calmly. */
public final class Notifications {

    private Notifications() {}

    public static void success(String message) {
        var notification = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.SUCCESS);
    }

    public static void error(String message) {
        var notification = new Notification(message, 0, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.ERROR);
        notification.getElement().setAttribute("role", "alert");
        var close = new com.vaadin.flow.component.button.Button("✕", click -> notification.close());
        close.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY_INLINE);
        close.getElement().setAttribute("aria-label", close.getTranslation("common.close"));
        var layout = new com.vaadin.flow.component.orderedlayout.HorizontalLayout(
                new com.vaadin.flow.component.html.Span(message), close);
        layout.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        notification.removeAll();
        notification.add(layout);
        notification.open();
    }
}
