package org.kinlink.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import org.kinlink.access.AccountService;
import org.kinlink.access.CurrentUser;
import org.kinlink.ui.DemoBanner;
import org.kinlink.ui.Languages;
import org.springframework.beans.factory.annotation.Value;

/**
 * The frame around every signed-in view: the navigation lists only the views the user may open
 * (Vaadin's menu applies the same access rules as navigation), and the user menu.
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout {

    private final SideNav navigation = new SideNav();

    MainLayout(
            CurrentUser currentUser,
            AccountService accounts,
            AuthenticationContext authentication,
            @Value("${kinlink.demo:false}") boolean demo) {
        setPrimarySection(Section.DRAWER);
        var title = new H1(getTranslation("app.name"));
        title.addClassName("kl-app-name");
        var brand = new Div(title);
        brand.addClassName("kl-brand");
        navigation.getElement().setAttribute("aria-label", getTranslation("nav.label"));
        MenuConfiguration.getMenuEntries().forEach(entry -> navigation.addItem(item(entry)));
        addToDrawer(brand, new Scroller(navigation));

        var toggle = new DrawerToggle();
        toggle.getElement().setAttribute("aria-label", getTranslation("nav.toggle"));
        var spacer = new Div();
        spacer.addClassName("kl-spacer");
        addToNavbar(toggle, spacer);
        if (demo) {
            addToNavbar(new DemoBanner());
        }
        addToNavbar(userMenu(currentUser, accounts, authentication));
    }

    private SideNavItem item(MenuEntry entry) {
        var item = new SideNavItem(getTranslation(entry.title()), entry.path());
        item.setMatchNested(true);
        if (entry.icon() != null) {
            item.setPrefixComponent(new Icon(entry.icon()));
        }
        return item;
    }

    private Component userMenu(CurrentUser currentUser, AccountService accounts, AuthenticationContext authentication) {
        var user = currentUser.require();
        var menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.TERTIARY);
        var avatar = new Span(new Icon(VaadinIcon.USER), new Span(user.displayName()));
        avatar.addClassName("kl-user");
        var root = menu.addItem(avatar);
        root.getElement().setAttribute("aria-label", getTranslation("menu.user", user.displayName()));
        var sub = root.getSubMenu();
        sub.addItem(
                getTranslation("menu.change-password"), click -> UI.getCurrent().navigate(ChangePasswordView.class));
        var language = sub.addItem(getTranslation("menu.language"));
        for (Locale locale : Languages.SUPPORTED) {
            var choice = language.getSubMenu().addItem(Languages.nativeName(locale), click -> {
                accounts.setPreferredLocale(locale);
                Languages.rememberChoice(UI.getCurrent().getSession(), locale);
                UI.getCurrent().getPage().reload();
            });
            choice.setCheckable(true);
            choice.setChecked(locale.getLanguage().equals(getLocale().getLanguage()));
        }
        sub.addSeparator();
        sub.addItem(getTranslation("menu.sign-out"), click -> authentication.logout());
        return menu;
    }
}
