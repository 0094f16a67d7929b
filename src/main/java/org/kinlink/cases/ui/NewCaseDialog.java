package org.kinlink.cases.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.kinlink.InvalidInput;
import org.kinlink.access.UserDirectory;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.NewCase;
import org.kinlink.cases.Priority;
import org.kinlink.ui.Forms;

/** Opens a case: a short title, the team, the priority; parties are added on the case itself. */
class NewCaseDialog extends Dialog {

    final TextField title = new TextField();
    final TextArea summary = new TextArea();
    final Select<Long> team = new Select<>();
    final Select<Priority> priority = new Select<>();
    final ComboBox<UserDirectory.UserRef> assignee = new ComboBox<>();
    final Button create = new Button();

    NewCaseDialog(CaseService cases, UserDirectory directory, Set<Long> teams, Map<Long, String> teamNames) {
        setHeaderTitle(getTranslation("case.new"));
        setWidth("min(40rem, 95vw)");
        title.setLabel(getTranslation("case.title"));
        title.setHelperText(getTranslation("case.title.help"));
        title.setRequiredIndicatorVisible(true);
        summary.setLabel(getTranslation("case.summary"));
        team.setLabel(getTranslation("case.team"));
        team.setItems(teams);
        team.setItemLabelGenerator(id -> teamNames.getOrDefault(id, "?"));
        if (!teams.isEmpty()) {
            team.setValue(teams.iterator().next());
        }
        priority.setLabel(getTranslation("case.priority"));
        priority.setItems(Priority.values());
        priority.setItemLabelGenerator(p -> getTranslation("case.priority." + p.name()));
        priority.setValue(Priority.NORMAL);
        assignee.setLabel(getTranslation("case.assignee"));
        assignee.setItemLabelGenerator(UserDirectory.UserRef::name);
        assignee.setClearButtonVisible(true);
        team.addValueChangeListener(change -> {
            assignee.setItems(
                    change.getValue() == null ? java.util.List.of() : directory.caseworkersOf(change.getValue()));
        });
        if (team.getValue() != null) {
            assignee.setItems(directory.caseworkersOf(team.getValue()));
        }
        var fields = new HashMap<String, com.vaadin.flow.component.HasValidation>();
        fields.put("title", title);
        fields.put("assignee", assignee);
        create.setText(getTranslation("case.create"));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        // Enter in the title opens the case; in the summary it starts a new line
        create.addClickShortcut(com.vaadin.flow.component.Key.ENTER)
                .listenOn(title)
                .resetFocusOnActiveElement();
        create.addClickListener(click -> {
            Forms.clearErrors(fields);
            try {
                String reference = cases.create(new NewCase(
                        title.getValue(),
                        summary.getValue(),
                        priority.getValue(),
                        team.getValue(),
                        assignee.getValue() == null ? null : assignee.getValue().id()));
                close();
                UI.getCurrent().navigate(CaseDetailView.class, CaseDetailView.parameters(reference));
            } catch (InvalidInput invalid) {
                Forms.show(invalid, fields, this);
            }
        });
        var form = new FormLayout(title, team, priority, assignee, summary);
        form.setColspan(title, 2);
        form.setColspan(summary, 2);
        add(form);
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), create);
        title.focus();
    }
}
