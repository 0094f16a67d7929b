package org.kinlink.api.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kinlink.ConcurrentChange;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.kinlink.access.UserAdministration;
import org.kinlink.access.UserSummary;
import org.kinlink.api.ApiTokenSummary;
import org.kinlink.api.ApiTokens;
import org.kinlink.api.IssuedApiToken;
import org.kinlink.ui.Dates;
import org.kinlink.ui.Forms;
import org.kinlink.ui.Notifications;

/**
 * Administrators: personal API tokens. Issuing one shows its secret once (to copy and hand to the
 * user); the list shows each token's user, name, prefix, expiry and last use; revoking takes effect
 * at the next request.
 */
@Route("admin/api-tokens")
@RolesAllowed(Roles.ADMIN)
@Menu(order = 92, title = "nav.api-tokens", icon = "vaadin:connect")
class ApiTokensView extends VerticalLayout implements HasDynamicTitle {

    private final ApiTokens tokens;
    private final UserAdministration administration;
    private final Clock clock;
    final Grid<ApiTokenSummary> grid = new Grid<>();
    final Button issue = new Button();

    ApiTokensView(ApiTokens tokens, UserAdministration administration, Clock clock) {
        this.tokens = tokens;
        this.administration = administration;
        this.clock = clock;
        setSizeFull();
        issue.setText(getTranslation("api-tokens.issue"));
        issue.addThemeVariants(ButtonVariant.PRIMARY);
        issue.addClickListener(click -> openIssueDialog());
        var header = new HorizontalLayout(new H2(getTranslation("nav.api-tokens")), issue);
        header.setAlignItems(Alignment.BASELINE);

        grid.addColumn(ApiTokenSummary::username)
                .setHeader(getTranslation("api-tokens.user"))
                .setAutoWidth(true);
        grid.addColumn(ApiTokenSummary::name)
                .setHeader(getTranslation("api-tokens.name"))
                .setAutoWidth(true);
        grid.addColumn(ApiTokenSummary::prefix)
                .setHeader(getTranslation("api-tokens.prefix"))
                .setAutoWidth(true);
        grid.addColumn(token -> format(token.issuedAt()))
                .setHeader(getTranslation("api-tokens.issued"))
                .setAutoWidth(true);
        grid.addColumn(token -> format(token.expiresAt()))
                .setHeader(getTranslation("api-tokens.expires"))
                .setAutoWidth(true);
        grid.addColumn(token -> token.lastUsedAt() == null
                        ? getTranslation("api-tokens.never-used")
                        : format(token.lastUsedAt()))
                .setHeader(getTranslation("api-tokens.last-used"))
                .setAutoWidth(true);
        grid.addColumn(this::status)
                .setHeader(getTranslation("api-tokens.status"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions)
                .setHeader(getTranslation("api-tokens.actions"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("api-tokens.empty"));
        add(header, new Paragraph(getTranslation("api-tokens.explain")), grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(tokens.list());
    }

    private String status(ApiTokenSummary token) {
        if (token.revokedAt() != null) {
            return getTranslation("api-tokens.revoked");
        }
        return getTranslation(token.active(clock.instant()) ? "api-tokens.active" : "api-tokens.expired");
    }

    private HorizontalLayout actions(ApiTokenSummary token) {
        var layout = new HorizontalLayout();
        if (token.revokedAt() == null) {
            var revoke = new Button(getTranslation("api-tokens.revoke"), click -> confirmRevoke(token));
            revoke.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL, ButtonVariant.ERROR);
            layout.add(revoke);
        }
        return layout;
    }

    void confirmRevoke(ApiTokenSummary token) {
        var dialog = new Dialog(getTranslation("api-tokens.revoke"));
        dialog.add(new Paragraph(getTranslation("api-tokens.revoke.confirm", token.name(), token.username())));
        var revoke = new Button(getTranslation("api-tokens.revoke"), click -> {
            dialog.close();
            try {
                tokens.revoke(token.id(), token.version());
                Notifications.success(getTranslation("api-tokens.revoked-now"));
            } catch (ConcurrentChange stale) {
                Notifications.error(getTranslation("error.concurrent-change"));
            }
            refresh();
        });
        revoke.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), revoke);
        dialog.open();
    }

    private void openIssueDialog() {
        var dialog = new Dialog(getTranslation("api-tokens.issue"));
        var user = new ComboBox<UserSummary>(getTranslation("api-tokens.user"));
        user.setItems(
                administration.users().stream().filter(UserSummary::enabled).toList());
        user.setItemLabelGenerator(u -> u.displayName() + " (" + u.username() + ")");
        user.setRequired(true);
        var name = new TextField(getTranslation("api-tokens.name"));
        name.setHelperText(getTranslation("api-tokens.name.help"));
        name.setRequired(true);
        name.setMaxLength(100);
        var expires = new DatePicker(getTranslation("api-tokens.expires"));
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        expires.setMin(today);
        expires.setMax(today.plusYears(1));
        expires.setValue(today.plusDays(90));
        expires.setHelperText(getTranslation("api-tokens.expires.help"));
        expires.setRequired(true);
        Map<String, HasValidation> fields = Map.of("user", user, "name", name, "expiresOn", expires);
        var save = new Button(getTranslation("api-tokens.issue"), click -> {
            Forms.clearErrors(fields);
            UserSummary chosen = user.getValue();
            if (chosen == null) {
                Forms.show(new InvalidInput("user", "api-token.user-required"), fields, this);
                return;
            }
            try {
                IssuedApiToken issued = tokens.issue(chosen.id(), name.getValue(), expires.getValue());
                dialog.close();
                refresh();
                showSecret(issued);
            } catch (InvalidInput invalid) {
                Forms.show(invalid, fields, this);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        user.setWidthFull();
        name.setWidthFull();
        expires.setWidthFull();
        dialog.setWidth("28rem");
        dialog.add(new VerticalLayout(user, name, expires));
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), save);
        dialog.open();
        user.focus();
    }

    /** The secret, once: read-only, selected for copying; closing the dialog forgets it. */
    private void showSecret(IssuedApiToken issued) {
        var dialog = new Dialog(getTranslation("api-tokens.secret.title"));
        var secret = new TextArea(getTranslation("api-tokens.secret.label"));
        secret.setValue(issued.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.addClassName("kl-api-token-secret");
        dialog.add(new VerticalLayout(
                new Paragraph(getTranslation(
                        "api-tokens.secret.text",
                        issued.token().username(),
                        format(issued.token().expiresAt()))),
                secret,
                new Paragraph(getTranslation("api-tokens.secret.usage"))));
        dialog.setWidth("36rem");
        dialog.getFooter().add(new Button(getTranslation("common.close"), click -> dialog.close()));
        dialog.setCloseOnOutsideClick(false);
        dialog.open();
        secret.focus();
        secret.getElement().executeJs("this.inputElement.select()");
    }

    private String format(@Nullable Instant instant) {
        return instant == null ? "" : Dates.dateTime(instant, ZoneId.systemDefault(), getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.api-tokens");
    }
}
