package org.kinlink.privacy.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kinlink.ConcurrentChange;
import org.kinlink.InvalidInput;
import org.kinlink.Roles;
import org.kinlink.StepUpCheck;
import org.kinlink.privacy.Erasure;
import org.kinlink.privacy.ErasurePreview;
import org.kinlink.privacy.ErasureRequestSummary;
import org.kinlink.privacy.ErasureStatus;
import org.kinlink.ui.Dates;
import org.kinlink.ui.Forms;
import org.kinlink.ui.Notifications;
import org.kinlink.ui.StepUpDialog;

/**
 * Administrators: erasure requests, pending first. Reviewing one shows what approving it would
 * remove (counts, case and letter references; never the person's data); approving needs a step-up
 * (S4) and another user than the requester; rejecting needs a reason.
 */
@Route("admin/erasure-requests")
@RolesAllowed(Roles.ADMIN)
@Menu(order = 94, title = "nav.erasure-requests", icon = "vaadin:eraser")
class ErasureRequestsView extends VerticalLayout implements HasDynamicTitle {

    private final Erasure erasure;
    private final StepUpCheck stepUp;
    final Grid<ErasureRequestSummary> grid = new Grid<>();

    ErasureRequestsView(Erasure erasure, StepUpCheck stepUp) {
        this.erasure = erasure;
        this.stepUp = stepUp;
        setSizeFull();
        grid.addColumn(r -> getTranslation("erasure.person-ref", Long.toString(r.personRef())))
                .setHeader(getTranslation("erasure.person"))
                .setAutoWidth(true);
        grid.addColumn(r -> getTranslation("erasure.status." + r.status().name()))
                .setHeader(getTranslation("erasure.status"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.requestedByName() + ", " + format(r.requestedAt()))
                .setHeader(getTranslation("erasure.requested-by"))
                .setWidth("12rem")
                .setFlexGrow(0);
        grid.addColumn(ErasureRequestSummary::reason)
                .setHeader(getTranslation("erasure.reason"))
                .setFlexGrow(1);
        grid.addColumn(r -> r.decidedByName() == null ? "" : r.decidedByName() + ", " + format(r.decidedAt()))
                .setHeader(getTranslation("erasure.decided-by"))
                .setWidth("12rem")
                .setFlexGrow(0);
        grid.addColumn(r -> r.status() == ErasureStatus.REJECTED
                        ? nullToEmpty(r.decisionReason())
                        : nullToEmpty(r.outcome()))
                .setHeader(getTranslation("erasure.outcome"))
                .setFlexGrow(3);
        grid.addComponentColumn(r -> {
                    var review = new Button(getTranslation("erasure.review"), click -> review(r));
                    review.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
                    review.setVisible(r.status() == ErasureStatus.PENDING);
                    return review;
                })
                .setHeader(getTranslation("erasure.actions"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("erasure.empty"));
        grid.setItems(query -> erasure.list(query.getOffset(), query.getLimit()).stream());
        add(new H2(getTranslation("nav.erasure-requests")), new Paragraph(getTranslation("erasure.explain")), grid);
    }

    void review(ErasureRequestSummary request) {
        var preview = erasure.preview(request.id());
        if (preview.isEmpty()) {
            Notifications.error(getTranslation("erasure.already-decided"));
            grid.getDataProvider().refreshAll();
            return;
        }
        ErasurePreview p = preview.get();
        var dialog = new Dialog(getTranslation("erasure.review.title", Long.toString(request.personRef())));
        var counts = new UnorderedList(
                item("erasure.count.records", p.records()),
                item("erasure.count.names", p.nameVariants()),
                item("erasure.count.documents", p.documents()),
                item("erasure.count.match-keys", p.matchKeys()),
                item("erasure.count.parties", p.parties(), String.join(", ", p.caseReferences())),
                item("erasure.count.consent", p.consentRecords()),
                item("erasure.count.disclosures", p.caseDisclosures()),
                item("erasure.count.entries", p.correspondenceEntries()),
                item("erasure.count.attachments", p.attachments()),
                item("erasure.count.letters", p.letterRegisterRows(), String.join(", ", p.letterReferences())),
                item("erasure.count.imports", p.importItems()));
        var rejectReason = new TextArea(getTranslation("erasure.reject.reason"));
        rejectReason.setMaxLength(1000);
        rejectReason.setWidthFull();
        Map<String, TextArea> fields = Map.of("reason", rejectReason);
        var approve = new Button(
                getTranslation("erasure.approve"),
                click -> StepUpDialog.guard(stepUp, () -> {
                    try {
                        erasure.approve(request.id(), request.version());
                        dialog.close();
                        Notifications.success(getTranslation("erasure.approved"));
                    } catch (InvalidInput invalid) {
                        Notifications.error(getTranslation(invalid.messageKey(), invalid.arguments()));
                    } catch (ConcurrentChange stale) {
                        dialog.close();
                        Notifications.error(getTranslation("error.concurrent-change"));
                    }
                    grid.getDataProvider().refreshAll();
                }));
        approve.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        var reject = new Button(getTranslation("erasure.reject"), click -> {
            Forms.clearErrors(fields);
            try {
                erasure.reject(request.id(), request.version(), rejectReason.getValue());
                dialog.close();
                Notifications.success(getTranslation("erasure.rejected"));
            } catch (InvalidInput invalid) {
                Forms.show(invalid, fields, this);
                return;
            } catch (ConcurrentChange stale) {
                dialog.close();
                Notifications.error(getTranslation("error.concurrent-change"));
            }
            grid.getDataProvider().refreshAll();
        });
        dialog.setWidth("min(40rem, 95vw)");
        dialog.add(new VerticalLayout(
                new Paragraph(getTranslation("erasure.review.reason", request.requestedByName(), request.reason())),
                new Paragraph(getTranslation("erasure.review.text")),
                counts,
                new Paragraph(getTranslation("erasure.review.keeps")),
                rejectReason));
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), reject, approve);
        dialog.open();
    }

    private ListItem item(String key, Object... arguments) {
        return new ListItem(getTranslation(key, arguments));
    }

    private String format(@Nullable Instant at) {
        return at == null ? "" : Dates.dateTime(at, ZoneId.systemDefault(), getLocale());
    }

    private static String nullToEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.erasure-requests");
    }
}
