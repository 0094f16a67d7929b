package org.kinlink;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The structural rules of DESIGN.md and STYLE.md, checked on the compiled main classes. */
class ArchitectureTest {

    private static final String ROOT = "org.kinlink";

    private static final List<Class<? extends Annotation>> ACCESS_ANNOTATIONS =
            List.of(RolesAllowed.class, PermitAll.class, AnonymousAllowed.class, DenyAll.class);

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /**
     * Public service methods that are deliberately open to any caller, each with its reason:
     * the audit trail must record for everyone (sign-in failures, anonymous refusals, denials), and
     * Spring Security itself calls the user-details service before anyone is signed in.
     */
    private static final Set<String> OPEN_SERVICE_METHODS = Set.of(
            "org.kinlink.audit.AuditTrail.record",
            "org.kinlink.audit.AuditTrail.recordIndependently",
            "org.kinlink.access.KinlinkUserDetailsService.loadUserByUsername",
            "org.kinlink.access.KinlinkUserDetailsService.updatePassword");

    @Test
    void c2_every_public_service_method_carries_pre_authorize_on_the_method_or_its_class() {
        classes()
                .that()
                .areAnnotatedWith(Service.class)
                .and()
                .resideInAPackage(ROOT + "..")
                .should(new ArchCondition<JavaClass>("have @PreAuthorize on every public method (or the class)") {
                    @Override
                    public void check(JavaClass service, ConditionEvents events) {
                        boolean onClass = service.isAnnotatedWith(PreAuthorize.class);
                        for (JavaMethod method : service.getMethods()) {
                            if (!method.getModifiers().contains(JavaModifier.PUBLIC)
                                    || method.getModifiers().contains(JavaModifier.SYNTHETIC)
                                    || onClass
                                    || method.isAnnotatedWith(PreAuthorize.class)
                                    || OPEN_SERVICE_METHODS.contains(service.getName() + "." + method.getName())) {
                                continue;
                            }
                            events.add(SimpleConditionEvent.violated(
                                    method, method.getFullName() + " has no @PreAuthorize (C2)"));
                        }
                    }
                })
                .check(CLASSES);
    }

    @Test
    void views_never_depend_on_repositories_or_the_entity_manager() {
        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .or()
                .areAnnotatedWith(Route.class)
                .should()
                .dependOnClassesThat()
                .areAssignableTo(Repository.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(EntityManager.class)
                .check(CLASSES);
    }

    @Test
    void a_repository_is_only_used_within_its_own_module() {
        classes()
                .that()
                .areAssignableTo(Repository.class)
                .and()
                .resideInAPackage(ROOT + "..")
                .should(onlyBeUsedWithinTheirOwnModule())
                .check(CLASSES);
    }

    @Test
    void every_route_lives_in_a_ui_package_or_the_shell() {
        classes()
                .that()
                .areAnnotatedWith(Route.class)
                .should()
                .resideInAnyPackage("..ui..", ROOT + ".shell")
                .check(CLASSES);
    }

    @Test
    void every_route_is_named_as_a_view() {
        classes()
                .that()
                .areAnnotatedWith(Route.class)
                .should()
                .haveSimpleNameEndingWith("View")
                .check(CLASSES);
    }

    /** C1: deny by default, so every route, layout and error view states who may open it. */
    @Test
    void every_route_layout_and_error_view_carries_exactly_one_access_annotation() {
        classes()
                .that()
                .areAnnotatedWith(Route.class)
                .or()
                .areAnnotatedWith(Layout.class)
                .or(implementErrorViews())
                .should(haveExactlyOneAccessAnnotation())
                .check(CLASSES);
    }

    @Test
    void modules_do_not_depend_on_each_other_in_cycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    private static DescribedPredicate<JavaClass> implementErrorViews() {
        return DescribedPredicate.describe(
                "implement HasErrorParameter",
                javaClass -> !javaClass.isInterface() && javaClass.isAssignableTo(HasErrorParameter.class));
    }

    private static ArchCondition<JavaClass> haveExactlyOneAccessAnnotation() {
        return new ArchCondition<>("carry exactly one of @RolesAllowed, @PermitAll, @AnonymousAllowed, @DenyAll") {
            @Override
            public void check(JavaClass view, ConditionEvents events) {
                List<String> present = ACCESS_ANNOTATIONS.stream()
                        .filter(view::isAnnotatedWith)
                        .map(Class::getSimpleName)
                        .toList();
                if (present.size() != 1) {
                    events.add(SimpleConditionEvent.violated(
                            view, view.getName() + " carries " + (present.isEmpty() ? "none" : present)));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> onlyBeUsedWithinTheirOwnModule() {
        return new ArchCondition<>("only be used within their own module") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                String module = moduleOf(repository);
                repository.getDirectDependenciesToSelf().forEach(dependency -> {
                    JavaClass user = dependency.getOriginClass();
                    if (!module.equals(moduleOf(user))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                });
            }
        };
    }

    /** The top-level package under org.kinlink (the application module), or "" for the root. */
    private static String moduleOf(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (!name.startsWith(ROOT + ".")) {
            return "";
        }
        String rest = name.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
