package org.kinlink.access.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.Command;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.kinlink.access.FieldKeyRotation;
import org.kinlink.ui.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Administrators: the field-encryption keys and their rotation (D2). The rotation runs in a
 * background thread (with the administrator's security context), and the view polls for its
 * progress: values re-encrypted of those found, per column; the button stays disabled meanwhile.
 */
@Route("admin/keys")
@RolesAllowed(Roles.ADMIN)
@Menu(order = 91, title = "nav.keys", icon = "vaadin:key")
class KeysView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(KeysView.class);
    private static final int POLL_MILLIS = 500;

    private final FieldKeyRotation rotation;
    final Paragraph status = new Paragraph();
    final Span state = new Span();
    final Grid<FieldKeyRotation.Progress> columns = new Grid<>();
    final Button rotate = new Button();
    private final Map<String, FieldKeyRotation.Progress> byColumn = new LinkedHashMap<>();

    /** Where the rotation runs; tests run it in the calling thread. */
    Executor executor = task -> Thread.ofVirtual().name("field-key-rotation").start(task);

    KeysView(FieldKeyRotation rotation) {
        this.rotation = rotation;
        setMaxWidth("60rem");
        rotate.setText(getTranslation("keys.rotate"));
        rotate.addThemeVariants(ButtonVariant.PRIMARY);
        rotate.addClickListener(click -> confirm());
        state.getElement().setAttribute("role", "status");
        columns.addColumn(FieldKeyRotation.Progress::column)
                .setHeader(getTranslation("keys.column"))
                .setAutoWidth(true);
        columns.addColumn(p -> getTranslation("keys.done-of", p.reEncrypted(), p.total()))
                .setHeader(getTranslation("keys.done"))
                .setAutoWidth(true);
        columns.setAllRowsVisible(true);
        columns.setVisible(false);
        add(
                new H2(getTranslation("nav.keys")),
                new Paragraph(getTranslation("keys.explain")),
                status,
                rotate,
                state,
                columns);
        showStatus();
        if (rotation.running()) {
            rotate.setEnabled(false);
            state.setText(getTranslation("keys.running-elsewhere"));
        }
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

    /** Starts the rotation in the background and polls until it ends. */
    void run() {
        UI ui = UI.getCurrent();
        rotate.setEnabled(false);
        byColumn.clear();
        columns.setItems(new ArrayList<>());
        columns.setVisible(true);
        state.setText(getTranslation("keys.running"));
        ui.setPollInterval(POLL_MILLIS);
        var context = SecurityContextHolder.getContext();
        executor.execute(() -> {
            var previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(context);
            try {
                FieldKeyRotation.Result result = rotation.rotate(progress -> onUi(ui, () -> show(progress)));
                onUi(ui, () -> finished(ui, result));
            } catch (InvalidInput invalid) {
                onUi(ui, () -> failed(ui, getTranslation(invalid.messageKey(), invalid.arguments())));
            } catch (RuntimeException e) {
                log.error("Field key rotation failed", e);
                onUi(ui, () -> failed(ui, getTranslation("keys.failed", String.valueOf(e.getMessage()))));
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        });
    }

    private void show(FieldKeyRotation.Progress progress) {
        byColumn.put(progress.column(), progress);
        columns.setItems(new ArrayList<>(byColumn.values()));
    }

    private void finished(UI ui, FieldKeyRotation.Result result) {
        ui.setPollInterval(-1);
        rotate.setEnabled(true);
        String message = getTranslation(
                result.retiredKeyIds().isEmpty() ? "keys.rotated-old-kept" : "keys.rotated", result.reEncrypted());
        state.setText(message);
        Notifications.success(message);
        showStatus();
    }

    private void failed(UI ui, String message) {
        ui.setPollInterval(-1);
        rotate.setEnabled(true);
        state.setText(message);
        Notifications.error(message);
        showStatus();
    }

    /** Runs the command with the session locked: at once when this thread holds the lock, else queued. */
    private static void onUi(UI ui, Command command) {
        var session = ui.getSession();
        if (session != null && session.hasLock()) {
            command.execute();
        } else {
            ui.access(command);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.keys");
    }
}
