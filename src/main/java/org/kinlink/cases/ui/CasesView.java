package org.kinlink.cases.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kinlink.Roles;
import org.kinlink.access.CurrentUser;
import org.kinlink.access.UserDirectory;
import org.kinlink.cases.CaseCursor;
import org.kinlink.cases.CaseFilter;
import org.kinlink.cases.CaseListItem;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.CaseSort;
import org.kinlink.cases.CaseStatus;
import org.kinlink.cases.Priority;
import org.kinlink.ui.Dates;

/**
 * The cases list: loaded page by page as it scrolls, filtered in the database. Caseworkers land on
 * their own open cases; search finds references and party names in any spelling or script. Type,
 * then arrow down into the list and press Enter to open a case.
 */
@Route("cases")
@RolesAllowed({Roles.CASEWORKER, Roles.COORDINATOR})
@Menu(order = 10, title = "nav.cases", icon = "vaadin:folder-open")
class CasesView extends VerticalLayout implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    final TextField search = new TextField();
    final Checkbox mine = new Checkbox();
    final MultiSelectComboBox<CaseStatus> statuses = new MultiSelectComboBox<>();
    final MultiSelectComboBox<Priority> priorities = new MultiSelectComboBox<>();
    final ComboBox<Long> team = new ComboBox<>();
    final Select<CaseSort> sort = new Select<>();
    final Grid<CaseListItem> grid = new Grid<>();
    private final boolean caseworker;
    private @Nullable CaseListItem focused;

    CasesView(CaseService cases, CurrentUser currentUser, UserDirectory directory) {
        setSizeFull();
        var user = currentUser.require();
        caseworker = user.hasRole(Roles.CASEWORKER);
        Map<Long, String> teamNames = directory.teamNames();

        var heading = new H2(getTranslation("nav.cases"));
        var header = new HorizontalLayout(heading);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (caseworker) {
            var create = new Button(
                    getTranslation("case.new"),
                    VaadinIcon.PLUS.create(),
                    click -> new NewCaseDialog(cases, directory, user.teamIds(), teamNames).open());
            create.addThemeVariants(ButtonVariant.PRIMARY);
            header.add(create);
        }

        search.setPlaceholder(getTranslation("cases.search.placeholder"));
        search.setAriaLabel(getTranslation("cases.search.label"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(400);
        search.setWidth("22rem");
        mine.setLabel(getTranslation("cases.mine"));
        mine.setValue(caseworker);
        mine.setVisible(caseworker);
        statuses.setLabel(getTranslation("cases.status"));
        statuses.setItems(CaseStatus.values());
        statuses.setItemLabelGenerator(s -> getTranslation("case.status." + s.name()));
        priorities.setLabel(getTranslation("cases.priority"));
        priorities.setItems(Priority.values());
        priorities.setItemLabelGenerator(p -> getTranslation("case.priority." + p.name()));
        team.setLabel(getTranslation("cases.team"));
        team.setItems(caseworker ? user.teamIds() : teamNames.keySet());
        team.setItemLabelGenerator(id -> teamNames.getOrDefault(id, "?"));
        team.setClearButtonVisible(true);
        sort.setLabel(getTranslation("cases.sort"));
        sort.setItems(CaseSort.values());
        sort.setItemLabelGenerator(s -> getTranslation("cases.sort." + s.name()));
        sort.setValue(CaseSort.RECENTLY_CHANGED);
        var filters = new HorizontalLayout(search, mine, statuses, priorities, team, sort);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.addColumn(CaseListItem::reference)
                .setHeader(getTranslation("case.reference"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(CaseListItem::title)
                .setHeader(getTranslation("case.title"))
                .setFlexGrow(2);
        grid.addComponentColumn(this::people)
                .setHeader(getTranslation("cases.people"))
                .setFlexGrow(3);
        grid.addComponentColumn(item -> CaseLabels.status(this, item.status()))
                .setHeader(getTranslation("case.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(item -> CaseLabels.priority(this, item.priority()))
                .setHeader(getTranslation("case.priority"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::ownership)
                .setHeader(getTranslation("cases.owner"))
                .setFlexGrow(1);
        grid.addColumn(item -> Dates.date(item.updatedAt(), ZoneId.systemDefault(), getLocale()))
                .setHeader(getTranslation("case.updated"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation(caseworker ? "cases.empty.caseworker" : "cases.empty"));
        // scrolling on continues after the last fetched row (keyset); a jump falls back to the offset
        var paging = new CaseListPaging(new CaseListPaging.Source() {
            @Override
            public List<CaseListItem> byOffset(CaseFilter filter, CaseSort sort, int offset, int limit) {
                return cases.list(filter, sort, offset, limit);
            }

            @Override
            public List<CaseListItem> after(CaseFilter filter, CaseSort sort, CaseCursor after, int limit) {
                return cases.listAfter(filter, sort, after, limit);
            }
        });
        grid.setItems(query ->
                paging.fetch(filter(user.id()), sort.getValue(), query.getOffset(), query.getLimit()).stream());
        if (caseworker) {
            grid.addItemClickListener(click -> open(click.getItem()));
            grid.addCellFocusListener(event -> focused = event.getItem().orElse(null));
            Shortcuts.addShortcutListener(
                            grid,
                            () -> {
                                if (focused != null) {
                                    open(focused);
                                }
                            },
                            Key.ENTER)
                    .listenOn(grid);
        }
        for (var field :
                new com.vaadin.flow.component.HasValue<?, ?>[] {search, mine, statuses, priorities, team, sort}) {
            field.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        }
        add(header, filters, grid);
        setFlexGrow(1, grid);
        search.focus();
    }

    /** {@code ?q=} fills the search (the dashboard's "find a case" field sends what was typed). */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("q").ifPresent(text -> {
            mine.setValue(false); // a search from the dashboard looks through all the team's cases
            search.setValue(text);
        });
    }

    /** The sought person first, the enquirers under it. */
    private Div people(CaseListItem item) {
        var sought = new Span(String.join("; ", item.soughtNames()));
        sought.addClassName("kl-cell-main");
        var enquirers = new Span(
                item.enquirerNames().isEmpty()
                        ? ""
                        : getTranslation("cases.enquirers-line", String.join("; ", item.enquirerNames())));
        enquirers.addClassName("kl-cell-sub");
        return new Div(sought, enquirers);
    }

    private Div ownership(CaseListItem item) {
        var team = new Span(item.teamName());
        team.addClassName("kl-cell-main");
        var assignee = new Span(item.assigneeName() == null ? getTranslation("case.unassigned") : item.assigneeName());
        assignee.addClassName("kl-cell-sub");
        return new Div(team, assignee);
    }

    private CaseFilter filter(long userId) {
        return new CaseFilter(
                Set.copyOf(statuses.getValue()),
                team.getValue(),
                mine.getValue() ? userId : null,
                Set.copyOf(priorities.getValue()),
                search.getValue().isBlank() ? null : search.getValue());
    }

    private void open(CaseListItem item) {
        UI.getCurrent().navigate(CaseDetailView.class, CaseDetailView.parameters(item.reference()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.cases");
    }
}
