package org.kinlink.access.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kinlink.ConcurrentChange;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.kinlink.access.NewUser;
import org.kinlink.access.OneTimePassword;
import org.kinlink.access.StepUp;
import org.kinlink.access.TeamSummary;
import org.kinlink.access.UserAdministration;
import org.kinlink.access.UserChanges;
import org.kinlink.access.UserSummary;
import org.kinlink.ui.Dates;
import org.kinlink.ui.Forms;
import org.kinlink.ui.Notifications;
import org.kinlink.ui.StepUpDialog;

/**
 * Administrators: user accounts, their roles and teams, enabling, password resets, second-factor
 * resets, ending sessions (S3). Role and team changes and second-factor resets ask for a step-up (S4).
 */
@Route("admin/users")
@RolesAllowed(Roles.ADMIN)
@Menu(order = 90, title = "nav.users", icon = "vaadin:users")
class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final UserAdministration administration;
    private final StepUp stepUp;
    final Grid<UserSummary> grid = new Grid<>();
    private Map<Long, String> teamNames = Map.of();

    UsersView(UserAdministration administration, StepUp stepUp) {
        this.administration = administration;
        this.stepUp = stepUp;
        setSizeFull();
        var create = new Button(getTranslation("users.new"), click -> openEditor(null));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        var newTeam = new Button(getTranslation("teams.new"), click -> openTeamEditor());
        var header = new HorizontalLayout(new H2(getTranslation("nav.users")), create, newTeam);
        header.setAlignItems(Alignment.BASELINE);

        grid.addColumn(UserSummary::username)
                .setHeader(getTranslation("users.username"))
                .setAutoWidth(true);
        grid.addColumn(UserSummary::displayName)
                .setHeader(getTranslation("users.display-name"))
                .setAutoWidth(true);
        grid.addColumn(user -> user.roles().stream()
                        .sorted()
                        .map(r -> getTranslation("role." + r))
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("users.roles"));
        grid.addColumn(user -> user.teamIds().stream()
                        .map(id -> teamNames.getOrDefault(id, "?"))
                        .sorted()
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("users.teams"));
        grid.addColumn(user -> getTranslation(user.enabled() ? "users.enabled" : "users.disabled"))
                .setHeader(getTranslation("users.status"))
                .setAutoWidth(true);
        grid.addColumn(user -> user.lastSignInAt() == null
                        ? getTranslation("users.never")
                        : Dates.dateTime(user.lastSignInAt(), ZoneId.systemDefault(), getLocale()))
                .setHeader(getTranslation("users.last-sign-in"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions)
                .setHeader(getTranslation("users.actions"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("users.empty"));
        add(header, grid);
        refresh();
    }

    private void refresh() {
        teamNames = administration.teams().stream().collect(Collectors.toMap(TeamSummary::id, TeamSummary::name));
        grid.setItems(administration.users());
    }

    private HorizontalLayout actions(UserSummary user) {
        var edit = new Button(getTranslation("users.edit"), click -> openEditor(user));
        var toggle = new Button(getTranslation(user.enabled() ? "users.disable" : "users.enable"), click -> {
            try {
                administration.setEnabled(user.id(), user.version(), !user.enabled());
                refresh();
            } catch (ConcurrentChange stale) {
                staleRefresh();
            }
        });
        var reset = new Button(getTranslation("users.reset-password"), click -> {
            try {
                showOneTimePassword(administration.resetPassword(user.id(), user.version()));
                refresh();
            } catch (ConcurrentChange stale) {
                staleRefresh();
            }
        });
        var endSessions = new Button(getTranslation("users.end-sessions"), click -> {
            int ended = administration.endSessions(user.id());
            Notifications.success(getTranslation("users.sessions-ended", ended));
        });
        var resetFactor = new Button(getTranslation("users.reset-second-factor"), click -> openSecondFactorReset(user));
        for (var button : new Button[] {edit, toggle, reset, resetFactor, endSessions}) {
            button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        }
        return new HorizontalLayout(edit, toggle, reset, resetFactor, endSessions);
    }

    /** A3, A6: asks why, then removes the user's authenticator and recovery codes (after a step-up, S4). */
    void openSecondFactorReset(UserSummary user) {
        var dialog = new Dialog(getTranslation("users.reset-second-factor.title"));
        var reason = new TextArea(getTranslation("users.reset-second-factor.reason"));
        reason.setWidthFull();
        reason.setMaxLength(500);
        dialog.add(new Paragraph(getTranslation("users.reset-second-factor.text", user.username())), reason);
        var confirm = new Button(
                getTranslation("users.reset-second-factor.confirm"),
                click -> StepUpDialog.guard(stepUp, () -> {
                    try {
                        administration.resetSecondFactor(user.id(), user.version(), reason.getValue());
                        dialog.close();
                        Notifications.success(getTranslation("users.second-factor-reset", user.username()));
                        refresh();
                    } catch (InvalidInput invalid) {
                        if (invalid.field().equals("reason")) {
                            reason.setErrorMessage(getTranslation(invalid.messageKey(), invalid.arguments()));
                            reason.setInvalid(true);
                        } else {
                            Notifications.error(getTranslation(invalid.messageKey(), invalid.arguments()));
                        }
                    } catch (ConcurrentChange stale) {
                        dialog.close();
                        staleRefresh();
                    }
                }));
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), confirm);
        dialog.open();
        reason.focus();
    }

    private void staleRefresh() {
        Notifications.error(getTranslation("error.concurrent-change"));
        refresh();
    }

    private void openEditor(@Nullable UserSummary existing) {
        var dialog = new Dialog(getTranslation(existing == null ? "users.new" : "users.edit-title"));
        var username = new TextField(getTranslation("users.username"));
        username.setHelperText(getTranslation("users.username.help"));
        var displayName = new TextField(getTranslation("users.display-name"));
        var roles = new CheckboxGroup<String>(getTranslation("users.roles"));
        roles.setItems(Roles.ALL);
        roles.setItemLabelGenerator(role -> getTranslation("role." + role));
        var teams = new CheckboxGroup<Long>(getTranslation("users.teams"));
        teams.setItems(teamNames.keySet());
        teams.setItemLabelGenerator(id -> teamNames.getOrDefault(id, "?"));
        if (existing != null) {
            username.setValue(existing.username());
            username.setReadOnly(true);
            displayName.setValue(existing.displayName());
            roles.setValue(existing.roles());
            teams.setValue(existing.teamIds());
        }
        var fields = new HashMap<String, com.vaadin.flow.component.HasValidation>();
        fields.put("username", username);
        fields.put("displayName", displayName);
        fields.put("roles", roles);
        fields.put("teams", teams);
        // S4: a change of roles or teams asks for a step-up; the dialog retries the save once confirmed
        var save = new Button(
                getTranslation("users.save"),
                click -> StepUpDialog.guard(stepUp, () -> {
                    Forms.clearErrors(fields);
                    Set<String> chosenRoles = new LinkedHashSet<>(roles.getValue());
                    Set<Long> chosenTeams = new LinkedHashSet<>(teams.getValue());
                    try {
                        if (existing == null) {
                            showOneTimePassword(administration.createUser(new NewUser(
                                    username.getValue(), displayName.getValue(), chosenRoles, chosenTeams)));
                        } else {
                            administration.updateUser(new UserChanges(
                                    existing.id(),
                                    existing.version(),
                                    displayName.getValue(),
                                    chosenRoles,
                                    chosenTeams));
                            Notifications.success(getTranslation("users.saved"));
                        }
                        dialog.close();
                        refresh();
                    } catch (InvalidInput invalid) {
                        Forms.show(invalid, fields, this);
                    } catch (ConcurrentChange stale) {
                        dialog.close();
                        staleRefresh();
                    }
                }));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        var cancel = new Button(getTranslation("common.cancel"), click -> dialog.close());
        dialog.add(new VerticalLayout(username, displayName, roles, teams));
        dialog.getFooter().add(cancel, save);
        dialog.open();
        (existing == null ? username : displayName).focus();
    }

    private void openTeamEditor() {
        var dialog = new Dialog(getTranslation("teams.new"));
        var name = new TextField(getTranslation("teams.name"));
        var description = new TextField(getTranslation("teams.description"));
        var fields = Map.of("name", name);
        var save = new Button(getTranslation("users.save"), click -> {
            Forms.clearErrors(fields);
            try {
                administration.createTeam(name.getValue(), description.getValue());
                dialog.close();
                refresh();
                Notifications.success(getTranslation("teams.saved"));
            } catch (InvalidInput invalid) {
                Forms.show(invalid, fields, this);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(new VerticalLayout(name, description));
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), save);
        dialog.open();
        name.focus();
    }

    private void showOneTimePassword(OneTimePassword password) {
        var dialog = new Dialog(getTranslation("users.one-time-password.title"));
        var value = new Span(password.password());
        value.addClassName("kl-one-time-password");
        dialog.add(new VerticalLayout(
                new Paragraph(getTranslation("users.one-time-password.text", password.username())), value));
        dialog.getFooter().add(new Button(getTranslation("common.close"), click -> dialog.close()));
        dialog.setCloseOnOutsideClick(false);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.users");
    }
}
