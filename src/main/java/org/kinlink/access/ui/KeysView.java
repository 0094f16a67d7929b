package org.kinlink.access.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.kinlink.Roles;
import org.kinlink.access.FieldKeyRotation;
import org.kinlink.ui.Notifications;

/** Administrators: the field-encryption keys and their rotation (D2). */
@Route("admin/keys")
@RolesAllowed(Roles.ADMIN)
@Menu(order = 91, title = "nav.keys", icon = "vaadin:key")
class KeysView extends VerticalLayout implements HasDynamicTitle {

    private final FieldKeyRotation rotation;
    final Paragraph status = new Paragraph();
    final Paragraph progress = new Paragraph();
    final Button rotate = new Button();

    KeysView(FieldKeyRotation rotation) {
        this.rotation = rotation;
        setMaxWidth("60rem");
        rotate.setText(getTranslation("keys.rotate"));
        rotate.addThemeVariants(ButtonVariant.PRIMARY);
        rotate.addClickListener(click -> confirm());
        add(
                new H2(getTranslation("nav.keys")),
                new Paragraph(getTranslation("keys.explain")),
                status,
                rotate,
                progress);
        showStatus();
    }

    private void showStatus() {
        FieldKeyRotation.Status now = rotation.status();
        status.setText(getTranslation(
                "keys.status",
                Integer.toUnsignedString(now.primaryKeyId()),
                now.keyIds().size(),
                now.remainingUnderOldKeys()));
    }

    private void confirm() {
        var dialog = new Dialog(getTranslation("keys.rotate"));
        dialog.add(new Paragraph(getTranslation("keys.rotate.confirm-text")));
        var go = new Button(getTranslation("keys.rotate"), click -> {
            dialog.close();
            run();
        });
        go.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), go);
        dialog.open();
    }

    /**
     * Runs the rotation in this request; the progress line shows the last batch when it is done
     * (live updates would need server push, which the application does not enable).
     */
    void run() {
        rotate.setEnabled(false);
        try {
            FieldKeyRotation.Result result = rotation.rotate(
                    p -> progress.setText(getTranslation("keys.progress", p.column(), p.reEncrypted())));
            Notifications.success(getTranslation(
                    result.retiredKeyIds().isEmpty() ? "keys.rotated-old-kept" : "keys.rotated", result.reEncrypted()));
        } finally {
            rotate.setEnabled(true);
            showStatus();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.keys");
    }
}
