package org.kinlink.cases.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kinlink.ConcurrentChange;
import org.kinlink.InvalidInput;
import org.kinlink.RecordNotFound;
import org.kinlink.Roles;
import org.kinlink.access.CurrentUser;
import org.kinlink.access.UserDirectory;
import org.kinlink.cases.CaseDetails;
import org.kinlink.cases.CaseListItem;
import org.kinlink.cases.CasePageSection;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.CaseStatus;
import org.kinlink.cases.CaseWorkflow;
import org.kinlink.cases.ConsentView;
import org.kinlink.cases.HistoryEntry;
import org.kinlink.cases.PartyRole;
import org.kinlink.cases.PartyView;
import org.kinlink.cases.Relationship;
import org.kinlink.people.PersonService;
import org.kinlink.people.ui.PersonView;
import org.kinlink.ui.Dates;
import org.kinlink.ui.Notifications;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One case: header with status and the transitions the caseworker may take, then the parties, the
 * consent decisions and the history. Another team's case, or a reference that does not exist,
 * shows "not found" alike.
 */
@Route("cases/:reference")
@RolesAllowed(Roles.CASEWORKER)
class CaseDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CaseService cases;
    private final PersonService people;
    private final UserDirectory directory;
    private final CurrentUser currentUser;
    final Div header = new Div();
    final HorizontalLayout actions = new HorizontalLayout();
    final TabSheet tabs = new TabSheet();
    final Grid<PartyView> parties = new Grid<>();
    final VerticalLayout consents = new VerticalLayout();
    final Grid<HistoryEntry> history = new Grid<>();
    final VerticalLayout otherCases = new VerticalLayout();
    private @Nullable CaseDetails details;
    private final VerticalLayout partiesTab;
    private final List<CasePageSection> sections;

    CaseDetailView(
            CaseService cases,
            PersonService people,
            UserDirectory directory,
            CurrentUser currentUser,
            ObjectProvider<CasePageSection> sections) {
        this.cases = cases;
        this.people = people;
        this.directory = directory;
        this.currentUser = currentUser;
        setSizeFull();
        header.addClassName("kl-case-header");
        actions.setWrap(true);

        parties.addComponentColumn(this::personLink)
                .setHeader(getTranslation("party.name"))
                .setFlexGrow(2);
        parties.addColumn(p -> getTranslation("party.role." + p.role().name()))
                .setHeader(getTranslation("party.role"))
                .setAutoWidth(true);
        parties.addColumn(p ->
                        getTranslation("party.relationship." + p.relationship().name()))
                .setHeader(getTranslation("party.relationship"))
                .setAutoWidth(true);
        parties.addComponentColumn(this::partyActions).setAutoWidth(true);
        parties.setAllRowsVisible(true);
        parties.setEmptyStateText(getTranslation("party.empty"));
        var addEnquirer = new Button(getTranslation("party.add.enquirer"), click -> addParty(PartyRole.ENQUIRER));
        var addSought = new Button(getTranslation("party.add.sought"), click -> addParty(PartyRole.SOUGHT));
        var addOther = new Button(getTranslation("party.add.other"), click -> addParty(PartyRole.OTHER));
        addEnquirer.addThemeVariants(ButtonVariant.PRIMARY);
        var partiesTab =
                new VerticalLayout(new HorizontalLayout(addEnquirer, addSought, addOther), parties, otherCases);
        partiesTab.setPadding(false);

        history.addColumn(h -> Dates.dateTime(h.at(), ZoneId.systemDefault(), getLocale()))
                .setHeader(getTranslation("history.when"))
                .setAutoWidth(true);
        history.addColumn(h -> (h.from() == null
                                ? ""
                                : getTranslation("case.status." + h.from().name()) + " → ")
                        + getTranslation("case.status." + h.to().name()))
                .setHeader(getTranslation("history.change"))
                .setAutoWidth(true);
        history.addColumn(HistoryEntry::reason).setHeader(getTranslation("history.reason"));
        history.addColumn(HistoryEntry::by)
                .setHeader(getTranslation("history.by"))
                .setAutoWidth(true);
        history.setAllRowsVisible(true);

        this.partiesTab = partiesTab;
        this.sections = sections.orderedStream().toList();
        tabs.setWidthFull();
        add(header, actions, tabs);
    }

    static RouteParameters parameters(String reference) {
        return new RouteParameters("reference", reference);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String reference = event.getRouteParameters().get("reference").orElse("");
        try {
            show(cases.open(reference));
        } catch (RecordNotFound notFound) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void show(CaseDetails d) {
        boolean first = this.details == null;
        this.details = d;
        if (first) {
            addTabs(d);
        }
        header.removeAll();
        var title = new H2(d.reference() + " · " + d.title());
        var badges = new HorizontalLayout(CaseLabels.status(this, d.status()), CaseLabels.priority(this, d.priority()));
        var facts = new Paragraph(getTranslation(
                "case.facts",
                d.teamName(),
                d.assigneeName() == null ? getTranslation("case.unassigned") : d.assigneeName(),
                Dates.date(d.openedAt(), ZoneId.systemDefault(), getLocale())));
        facts.addClassName("kl-muted");
        header.add(title, badges, facts);
        if (d.summary() != null) {
            header.add(new Paragraph(d.summary()));
        }
        if (d.status() == CaseStatus.ON_HOLD && d.statusBeforeHold() != null) {
            header.add(new Paragraph(getTranslation(
                    "case.on-hold-from",
                    getTranslation("case.status." + d.statusBeforeHold().name()))));
        }

        actions.removeAll();
        var edit = new Button(
                getTranslation("case.edit"),
                click -> new EditCaseDialog(cases, directory, d, this::show, this::offerReload).open());
        actions.add(edit);
        for (CaseWorkflow.Transition transition : d.allowedTransitions()) {
            var button = new Button(
                    getTranslation("case.action." + transition.to().name()),
                    click -> new TransitionDialog(cases, d, transition, this::changed, this::offerReload).open());
            if (transition.to() == nextInLine(d.status())) {
                button.addThemeVariants(ButtonVariant.PRIMARY);
            }
            actions.add(button);
        }

        parties.setItems(d.parties());
        showConsents(d);
        history.setItems(d.history());
        otherCases.removeAll();
        otherCases.setPadding(false);
        if (!d.otherCasesAboutSought().isEmpty()) {
            otherCases.add(new H3(getTranslation("case.other-cases")));
            for (CaseListItem other : d.otherCasesAboutSought()) {
                var link = new Anchor(
                        RouteConfiguration.forSessionScope()
                                .getUrl(CaseDetailView.class, parameters(other.reference())),
                        other.reference() + " · " + other.title());
                otherCases.add(new HorizontalLayout(link, CaseLabels.status(this, other.status())));
            }
        }
        UI.getCurrent().getPage().setTitle(getPageTitle());
    }

    /** The case's own tabs and those other modules contribute, in their order. */
    private void addTabs(CaseDetails d) {
        record Entry(int order, String title, Component content) {}
        var entries = new java.util.ArrayList<Entry>(List.of(
                new Entry(10, getTranslation("case.tab.parties"), partiesTab),
                new Entry(30, getTranslation("case.tab.consent"), consents),
                new Entry(40, getTranslation("case.tab.history"), history)));
        for (CasePageSection section : sections) {
            entries.add(new Entry(section.order(), getTranslation(section.titleKey()), section.create(d)));
        }
        entries.sort(java.util.Comparator.comparingInt(Entry::order));
        entries.forEach(entry -> tabs.add(entry.title(), entry.content()));
    }

    /** Selects the tab with this title (for keyboard shortcuts and tests). */
    void selectTab(String title) {
        for (int i = 0; i < tabs.getTabCount(); i++) {
            var tab = tabs.getTabAt(i);
            if (tab != null && title.equals(tab.getLabel())) {
                tabs.setSelectedIndex(i);
                return;
            }
        }
    }

    private void changed(CaseDetails d) {
        show(d);
        Notifications.success(getTranslation(
                "case.status-changed",
                getTranslation("case.status." + d.status().name())));
    }

    private static @Nullable CaseStatus nextInLine(CaseStatus status) {
        return switch (status) {
            case NEW -> CaseStatus.INTAKE;
            case INTAKE -> CaseStatus.TRACING;
            case TRACING -> CaseStatus.LOCATED;
            case LOCATED -> CaseStatus.CONTACT_REQUESTED;
            case CONTACT_REQUESTED -> CaseStatus.CONTACT_ESTABLISHED;
            case CONTACT_ESTABLISHED -> CaseStatus.REUNITED;
            case REUNITED -> CaseStatus.CLOSED;
            default -> null;
        };
    }

    private void showConsents(CaseDetails d) {
        consents.removeAll();
        if (d.consents().isEmpty()) {
            consents.add(new Paragraph(getTranslation("consent.none")));
            return;
        }
        for (ConsentView consent : d.consents()) {
            var card = new VerticalLayout();
            card.addClassName("kl-card");
            card.add(new H3(consent.soughtName()));
            card.add(line(
                    "consent.tracing",
                    "consent.tracing." + consent.tracingConsent().name(),
                    consent.latest("TRACING")));
            card.add(line(
                    "consent.disclosure",
                    "consent.disclosure." + consent.disclosure().name(),
                    consent.latest("DISCLOSURE")));
            var recordTracing = new Button(
                    getTranslation("consent.tracing.button"),
                    click -> ConsentDialogs.tracingConsent(cases, d, consent, this::show, this::offerReload)
                            .open());
            var recordDecision = new Button(
                    getTranslation("consent.disclosure.button"),
                    click -> ConsentDialogs.disclosureDecision(cases, d, consent, this::show, this::offerReload)
                            .open());
            var recordDisclosure = new Button(
                    getTranslation("disclosure.button"),
                    click -> ConsentDialogs.disclosure(cases, d, consent, this::show)
                            .open());
            recordDisclosure.setEnabled(consent.disclosure().allowsMessages());
            if (!consent.disclosure().allowsMessages()) {
                recordDisclosure.setTooltipText(getTranslation("disclosure.not-allowed"));
            }
            card.add(new HorizontalLayout(recordTracing, recordDecision, recordDisclosure));
            if (!consent.records().isEmpty()) {
                var records = new Grid<ConsentView.Entry>();
                records.addColumn(r -> Dates.date(r.decidedOn(), getLocale()))
                        .setHeader(getTranslation("consent.decided-on"))
                        .setAutoWidth(true);
                records.addColumn(this::decisionLabel)
                        .setHeader(getTranslation("consent.decision"))
                        .setAutoWidth(true);
                records.addColumn(ConsentView.Entry::obtainedHow).setHeader(getTranslation("consent.how"));
                records.addColumn(ConsentView.Entry::recordedBy)
                        .setHeader(getTranslation("consent.recorded-by"))
                        .setAutoWidth(true);
                records.setItems(consent.records());
                records.setAllRowsVisible(true);
                card.add(records);
            }
            consents.add(card);
        }
    }

    private String decisionLabel(ConsentView.Entry entry) {
        String prefix = "TRACING".equals(entry.subject()) ? "consent.tracing." : "consent.disclosure.";
        return getTranslation(prefix + entry.decision());
    }

    private Component line(String labelKey, String valueKey, ConsentView.@Nullable Entry latest) {
        var label = new Span(getTranslation(labelKey) + ": ");
        label.addClassName("kl-label");
        var value = new Span(getTranslation(valueKey));
        value.getElement().getThemeList().add("badge");
        var row = new HorizontalLayout(label, value);
        if (latest != null) {
            row.add(new Span(getTranslation(
                    "consent.latest", Dates.date(latest.decidedOn(), getLocale()), latest.recordedBy())));
        }
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private Component personLink(PartyView party) {
        return new Anchor(
                RouteConfiguration.forSessionScope().getUrl(PersonView.class, PersonView.parameters(party.personId())),
                party.name());
    }

    private Component partyActions(PartyView party) {
        var layout = new HorizontalLayout();
        if (party.role() != PartyRole.SOUGHT) {
            var relationship =
                    new Button(getTranslation("party.change-relationship"), click -> changeRelationship(party));
            relationship.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            layout.add(relationship);
        }
        var remove = new Button(getTranslation("common.remove"), click -> {
            if (details == null) {
                return;
            }
            try {
                show(cases.removeParty(details.reference(), party.partyId(), party.version()));
            } catch (InvalidInput invalid) {
                Notifications.error(getTranslation(invalid.messageKey(), invalid.arguments()));
            } catch (ConcurrentChange concurrent) {
                offerReload();
            }
        });
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL, ButtonVariant.ERROR);
        layout.add(remove);
        return layout;
    }

    private void changeRelationship(PartyView party) {
        if (details == null) {
            return;
        }
        var dialog = new Dialog(getTranslation("party.change-relationship"));
        var select = new Select<Relationship>();
        select.setLabel(getTranslation("party.relationship"));
        select.setItems(Relationship.values());
        select.setItemLabelGenerator(r -> getTranslation("party.relationship." + r.name()));
        select.setValue(party.relationship());
        var save = new Button(getTranslation("common.save"), click -> {
            try {
                show(cases.changeParty(details.reference(), party.partyId(), party.version(), select.getValue()));
                dialog.close();
            } catch (InvalidInput invalid) {
                select.setErrorMessage(getTranslation(invalid.messageKey(), invalid.arguments()));
                select.setInvalid(true);
            } catch (ConcurrentChange concurrent) {
                dialog.close();
                offerReload();
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(select);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void addParty(PartyRole role) {
        if (details == null) {
            return;
        }
        var user = currentUser.require();
        Map<Long, String> teamNames = directory.teamNames();
        new AddPartyDialog(cases, people, details, user.teamIds(), teamNames, role, this::show).open();
    }

    /** Someone else changed the case: say so and offer to load their version. */
    private void offerReload() {
        var dialog = new Dialog(getTranslation("error.concurrent-change.title"));
        dialog.add(new Paragraph(getTranslation("error.concurrent-change")));
        var reload = new Button(getTranslation("common.reload"), click -> {
            dialog.close();
            if (details != null) {
                show(cases.open(details.reference()));
            }
        });
        reload.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(reload);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return details == null ? getTranslation("nav.cases") : details.reference() + " – " + details.title();
    }
}
