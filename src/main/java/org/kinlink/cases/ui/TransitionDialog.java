package org.kinlink.cases.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;
import org.kinlink.InvalidInput;
import org.kinlink.cases.CaseDetails;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.CaseWorkflow;

/** Moves a case to another status; every change needs a reason, which goes into the case history. */
class TransitionDialog extends Dialog {

    final TextArea reason = new TextArea();
    final Button confirm = new Button();

    TransitionDialog(
            CaseService cases,
            CaseDetails details,
            CaseWorkflow.Transition transition,
            Consumer<CaseDetails> done,
            Runnable stale) {
        String target = getTranslation("case.status." + transition.to().name());
        setHeaderTitle(getTranslation("case.transition.title", target));
        reason.setLabel(getTranslation("case.transition.reason"));
        reason.setWidthFull();
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(1000);
        if (transition.requirement() != CaseWorkflow.Requirement.NONE) {
            add(new Paragraph(getTranslation(
                    "case.requirement." + transition.requirement().name())));
        }
        add(reason);
        confirm.setText(getTranslation("case.transition.confirm", target));
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.addClickListener(click -> {
            try {
                var updated =
                        cases.changeStatus(details.reference(), details.version(), transition.to(), reason.getValue());
                close();
                done.accept(updated);
            } catch (InvalidInput invalid) {
                reason.setErrorMessage(getTranslation(invalid.messageKey(), invalid.arguments()));
                reason.setInvalid(true);
            } catch (org.kinlink.ConcurrentChange concurrent) {
                close();
                stale.run();
            }
        });
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), confirm);
        setWidth("min(32rem, 95vw)");
        reason.focus();
    }
}
