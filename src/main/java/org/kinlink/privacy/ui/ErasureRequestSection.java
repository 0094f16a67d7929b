package org.kinlink.privacy.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.ZoneId;
import java.util.Map;
import org.kinlink.InvalidInput;
import org.kinlink.StepUpCheck;
import org.kinlink.people.PersonDetails;
import org.kinlink.people.PersonPageSection;
import org.kinlink.privacy.Erasure;
import org.kinlink.privacy.ErasureRequestSummary;
import org.kinlink.ui.Dates;
import org.kinlink.ui.Forms;
import org.kinlink.ui.Notifications;
import org.kinlink.ui.StepUpDialog;

/**
 * On a person's page: whether an erasure request is waiting, or a "Request erasure" action that
 * asks for a reason and a step-up (S4). An administrator decides on the Erasure requests page.
 */
@org.springframework.stereotype.Component
class ErasureRequestSection implements PersonPageSection {

    private final Erasure erasure;
    private final StepUpCheck stepUp;

    ErasureRequestSection(Erasure erasure, StepUpCheck stepUp) {
        this.erasure = erasure;
        this.stepUp = stepUp;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public String titleKey() {
        return "erasure.section";
    }

    @Override
    public Component create(PersonDetails details) {
        var layout = new VerticalLayout();
        layout.setPadding(false);
        show(layout, details);
        return layout;
    }

    private void show(VerticalLayout layout, PersonDetails details) {
        layout.removeAll();
        var pending = erasure.pendingFor(details.id());
        if (pending.isPresent()) {
            ErasureRequestSummary request = pending.get();
            layout.add(new Paragraph(layout.getTranslation(
                    "erasure.section.pending",
                    request.requestedByName(),
                    Dates.date(
                            request.requestedAt(),
                            ZoneId.systemDefault(),
                            com.vaadin.flow.component.UI.getCurrent().getLocale()))));
            return;
        }
        layout.add(new Paragraph(layout.getTranslation("erasure.section.explain")));
        var request = new Button(layout.getTranslation("erasure.request"), click -> openDialog(layout, details));
        request.addThemeVariants(ButtonVariant.ERROR);
        layout.add(request);
    }

    private void openDialog(VerticalLayout layout, PersonDetails details) {
        var dialog = new Dialog(layout.getTranslation("erasure.request"));
        var reason = new TextArea(layout.getTranslation("erasure.reason"));
        reason.setHelperText(layout.getTranslation("erasure.reason.help"));
        reason.setMaxLength(1000);
        reason.setRequired(true);
        reason.setWidthFull();
        Map<String, TextArea> fields = Map.of("reason", reason);
        var send = new Button(layout.getTranslation("erasure.request.send"), click -> {
            Forms.clearErrors(fields);
            StepUpDialog.guard(stepUp, () -> {
                try {
                    erasure.request(details.id(), reason.getValue());
                    dialog.close();
                    Notifications.success(layout.getTranslation("erasure.requested"));
                    show(layout, details);
                } catch (InvalidInput invalid) {
                    Forms.show(invalid, fields, layout);
                }
            });
        });
        send.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        dialog.setWidth("min(32rem, 95vw)");
        dialog.add(new VerticalLayout(new Paragraph(layout.getTranslation("erasure.request.text")), reason));
        dialog.getFooter().add(new Button(layout.getTranslation("common.cancel"), click -> dialog.close()), send);
        dialog.open();
        reason.focus();
    }
}
