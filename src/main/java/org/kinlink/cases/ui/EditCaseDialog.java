package org.kinlink.cases.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.HashMap;
import java.util.function.Consumer;
import org.kinlink.ConcurrentChange;
import org.kinlink.InvalidInput;
import org.kinlink.access.UserDirectory;
import org.kinlink.cases.CaseDetails;
import org.kinlink.cases.CaseEdit;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.Priority;
import org.kinlink.ui.Forms;

/** Changes a case's title, summary, priority and assignee. */
class EditCaseDialog extends Dialog {

    EditCaseDialog(
            CaseService cases,
            UserDirectory directory,
            CaseDetails details,
            Consumer<CaseDetails> done,
            Runnable stale) {
        setHeaderTitle(getTranslation("case.edit.title", details.reference()));
        setWidth("min(40rem, 95vw)");
        var title = new TextField(getTranslation("case.title"));
        title.setValue(details.title());
        var summary = new TextArea(getTranslation("case.summary"));
        summary.setValue(details.summary() == null ? "" : details.summary());
        var priority = new Select<Priority>();
        priority.setLabel(getTranslation("case.priority"));
        priority.setItems(Priority.values());
        priority.setItemLabelGenerator(p -> getTranslation("case.priority." + p.name()));
        priority.setValue(details.priority());
        var assignee = new ComboBox<UserDirectory.UserRef>(getTranslation("case.assignee"));
        var candidates = directory.caseworkersOf(details.teamId());
        assignee.setItems(candidates);
        assignee.setItemLabelGenerator(UserDirectory.UserRef::name);
        assignee.setClearButtonVisible(true);
        candidates.stream()
                .filter(u -> details.assigneeId() != null && u.id() == details.assigneeId())
                .findFirst()
                .ifPresent(assignee::setValue);
        var fields = new HashMap<String, com.vaadin.flow.component.HasValidation>();
        fields.put("title", title);
        fields.put("assignee", assignee);
        var save = new Button(getTranslation("common.save"), click -> {
            Forms.clearErrors(fields);
            try {
                done.accept(cases.update(new CaseEdit(
                        details.reference(),
                        details.version(),
                        title.getValue(),
                        summary.getValue(),
                        priority.getValue(),
                        assignee.getValue() == null ? null : assignee.getValue().id())));
                close();
            } catch (InvalidInput invalid) {
                Forms.show(invalid, fields, this);
            } catch (ConcurrentChange concurrent) {
                // keep the dialog (and what was typed) open; the reload offer appears beside it
                stale.run();
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        var form = new FormLayout(title, priority, assignee, summary);
        form.setColspan(title, 2);
        form.setColspan(summary, 2);
        add(form);
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), save);
        title.focus();
    }
}
