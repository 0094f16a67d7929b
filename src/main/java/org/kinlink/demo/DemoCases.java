package org.kinlink.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.kinlink.cases.CaseDetails;
import org.kinlink.cases.CaseFilter;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.CaseSort;
import org.kinlink.cases.CaseStatus;
import org.kinlink.cases.DisclosureDecision;
import org.kinlink.cases.NewCase;
import org.kinlink.cases.PartyRole;
import org.kinlink.cases.Priority;
import org.kinlink.cases.Relationship;
import org.kinlink.cases.TracingConsent;
import org.kinlink.people.NameVariant;
import org.kinlink.people.NameVariantKind;
import org.kinlink.people.PersonForm;
import org.kinlink.people.PersonId;
import org.kinlink.people.PersonNames;
import org.kinlink.people.PersonService;
import org.kinlink.people.Sex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Fictional people and cases for the demo, entered as the demo caseworkers would: every name here
 * is invented. Runs once, on the first demo start (when the demo caseworker sees no case).
 */
@Component
@Profile("demo")
@Order(20)
class DemoCases implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

    private final PersonService people;
    private final CaseService cases;
    private final UserDetailsService users;

    DemoCases(PersonService people, CaseService cases, UserDetailsService users) {
        this.people = people;
        this.cases = cases;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean seeded = as(
                "caseworker",
                () -> !cases.list(CaseFilter.any(), CaseSort.REFERENCE, 0, 1).isEmpty());
        if (seeded) {
            return;
        }
        as("caseworker", () -> {
            seedAmber();
            return null;
        });
        as("caseworker2", () -> {
            seedCedar();
            return null;
        });
        log.info("Demo: created fictional people and cases for Team Amber and Team Cedar");
    }

    private void seedAmber() {
        long team = teamOf();
        PersonId mohammad = person(
                team,
                "Mohammad",
                "Hosseini",
                "Ahmad",
                "محمد",
                "حسینی",
                "احمد",
                Sex.MALE,
                1979,
                List.of("Mohamad Hoseini"),
                "+98 21 5550 1234",
                "Last seen near the eastern bus terminal, 2019");
        PersonId zohreh = person(
                team,
                "Zohreh",
                "Karimabadi",
                "Hassan",
                "زهره",
                "کریم‌آبادی",
                "حسن",
                Sex.FEMALE,
                1954,
                List.of(),
                "+49 30 5550 7781",
                null);
        String first = open(
                team,
                "Mother looking for her son",
                Priority.HIGH,
                "Lost contact in 2019; the son may be living in a closed community abroad.");
        party(first, zohreh, PartyRole.ENQUIRER, Relationship.MOTHER);
        party(first, mohammad, PartyRole.SOUGHT, Relationship.SELF);
        move(first, CaseStatus.INTAKE, "First call taken; the mother's account recorded");
        move(first, CaseStatus.TRACING, "Enquiry sent to partner organisations");

        PersonId ali = person(
                team, "Ali", "Rezaei-Nejad", null, "علی", "رضایی‌نژاد", null, Sex.MALE, 1988, List.of(), null, null);
        PersonId fatemeh = person(
                team,
                "Fatemeh",
                "Rezaei-Nejad",
                "Karim",
                "فاطمه",
                "رضایی‌نژاد",
                "کریم",
                Sex.FEMALE,
                1991,
                List.of("Fatima Rezainejad"),
                null,
                "A town near the border, according to a former neighbour");
        String second = open(team, "Brother seeking his sister", Priority.NORMAL, null);
        party(second, ali, PartyRole.ENQUIRER, Relationship.SIBLING);
        party(second, fatemeh, PartyRole.SOUGHT, Relationship.SELF);
        move(second, CaseStatus.INTAKE, "Intake interview held");
        move(second, CaseStatus.TRACING, "Tracing request registered");
        move(second, CaseStatus.LOCATED, "Located through a partner organisation");
        decide(second, DisclosureDecision.ASKED, "Asked by a partner organisation's field officer");

        PersonId hassan = person(
                team, "Hassan", "Javadpour", null, "حسن", "جوادپور", null, Sex.MALE, 1950, List.of(), null, null);
        PersonId maryam = person(
                team, "Maryam", "Javadpour", null, "مریم", "جوادپور", null, Sex.FEMALE, 1953, List.of(), null, null);
        PersonId narges = person(
                team,
                "Narges",
                "Javadpour",
                "Hassan",
                "نرگس",
                "جوادپور",
                "حسن",
                Sex.FEMALE,
                1984,
                List.of(),
                "+90 212 555 0199",
                "Living in a large city abroad");
        String third = open(team, "Parents looking for their daughter", Priority.NORMAL, null);
        party(third, hassan, PartyRole.ENQUIRER, Relationship.FATHER);
        party(third, maryam, PartyRole.ENQUIRER, Relationship.MOTHER);
        party(third, narges, PartyRole.SOUGHT, Relationship.SELF);
        move(third, CaseStatus.INTAKE, "Both parents interviewed");
        move(third, CaseStatus.TRACING, "Tracing request registered");
        move(third, CaseStatus.LOCATED, "Found through a tracing request");
        move(third, CaseStatus.CONTACT_REQUESTED, "Asked whether she wishes contact");
        decide(third, DisclosureDecision.AGREED_TO_CONTACT, "Said so herself by telephone to the caseworker");
        move(third, CaseStatus.CONTACT_ESTABLISHED, "First telephone call between daughter and parents");

        PersonId shirin = person(
                team, "Shirin", "Abdollahi", null, "شیرین", "عبداللهی", null, Sex.FEMALE, 1975, List.of(), null, null);
        PersonId abdolreza = person(
                team,
                "Abdolreza",
                "Abdollahi",
                "Mahmoud",
                "عبدالرضا",
                "عبداللهی",
                "محمود",
                Sex.MALE,
                1972,
                List.of("Abdol Reza Abdolahi"),
                null,
                null);
        String fourth = open(team, "Wife seeking her husband", Priority.URGENT, "Called on the helpline this morning.");
        party(fourth, shirin, PartyRole.ENQUIRER, Relationship.SPOUSE);
        party(fourth, abdolreza, PartyRole.SOUGHT, Relationship.SELF);

        PersonId davood =
                person(team, "Davood", "Hosseini", null, "داوود", "حسینی", null, Sex.MALE, 1960, List.of(), null, null);
        String fifth = open(team, "Uncle looking for his nephew", Priority.LOW, null);
        party(fifth, davood, PartyRole.ENQUIRER, Relationship.OTHER_RELATIVE);
        party(fifth, mohammad, PartyRole.SOUGHT, Relationship.SELF);

        // namesakes, so that searching shows how matching keeps a common name from flooding the list
        person(
                team,
                "Mohammad",
                "Hosseinzadeh",
                null,
                "محمد",
                "حسین‌زاده",
                null,
                Sex.MALE,
                1990,
                List.of(),
                null,
                null);
        person(team, "Mahmoud", "Hosseini", null, "محمود", "حسینی", null, Sex.MALE, 1969, List.of(), null, null);
        person(team, "Mohammad", "Hosseinpour", null, "محمد", "حسین‌پور", null, Sex.MALE, 1982, List.of(), null, null);
    }

    private void seedCedar() {
        long team = teamOf();
        PersonId kaveh = person(
                team,
                "Kaveh",
                "Moradkhani",
                "Jalal",
                "کاوه",
                "مرادخانی",
                "جلال",
                Sex.MALE,
                1996,
                List.of(),
                null,
                null);
        PersonId jalal = person(
                team,
                "Jalal",
                "Moradkhani",
                null,
                "جلال",
                "مرادخانی",
                null,
                Sex.MALE,
                1966,
                List.of("Seyed Jalal Moradkhani"),
                null,
                "Left home in 2015");
        String first = open(team, "Son looking for his father", Priority.NORMAL, null);
        party(first, kaveh, PartyRole.ENQUIRER, Relationship.CHILD);
        party(first, jalal, PartyRole.SOUGHT, Relationship.SELF);
        move(first, CaseStatus.INTAKE, "Intake by appointment");

        PersonId leila =
                person(team, "Leila", "Hosseini", null, "لیلا", "حسینی", null, Sex.FEMALE, 1980, List.of(), null, null);
        PersonId hossein = person(
                team, "Hossein", "Hosseini", "Ali", "حسین", "حسینی", "علی", Sex.MALE, 1977, List.of(), null, null);
        String second = open(team, "Sister seeking her brother", Priority.HIGH, null);
        party(second, leila, PartyRole.ENQUIRER, Relationship.SIBLING);
        party(second, hossein, PartyRole.SOUGHT, Relationship.SELF);
        move(second, CaseStatus.INTAKE, "Intake interview held");
        move(second, CaseStatus.TRACING, "Tracing request registered");
    }

    private long teamOf() {
        var user = (org.kinlink.access.KinlinkUser)
                SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        return user.teamIds().iterator().next();
    }

    private PersonId person(
            long team,
            String given,
            String family,
            @Nullable String father,
            String givenNative,
            String familyNative,
            @Nullable String fatherNative,
            Sex sex,
            int birthYear,
            List<String> spellings,
            @Nullable String phone,
            @Nullable String lastKnownLocation) {
        return people.register(
                PersonForm.named(new PersonNames(given, family, father, givenNative, familyNative, fatherNative))
                        .withOtherNames(spellings.stream()
                                .map(spelling -> new NameVariant(NameVariantKind.SPELLING, spelling))
                                .toList())
                        .withSex(sex)
                        .withBirthYear(birthYear)
                        .withContact(phone, null)
                        .withLastKnownLocation(lastKnownLocation),
                team);
    }

    private String open(long team, String title, Priority priority, @Nullable String summary) {
        var user = (org.kinlink.access.KinlinkUser)
                SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        return cases.create(new NewCase(title, summary, priority, team, user.id()));
    }

    private void party(String reference, PersonId person, PartyRole role, Relationship relationship) {
        cases.addParty(reference, person, role, relationship);
    }

    private void move(String reference, CaseStatus to, String reason) {
        CaseDetails details = cases.open(reference);
        cases.changeStatus(reference, details.version(), to, reason);
    }

    private void decide(String reference, DisclosureDecision decision, String how) {
        CaseDetails details = cases.open(reference);
        var consent = details.consents().get(0);
        details = cases.recordTracingConsent(
                reference,
                consent.soughtPartyId(),
                consent.version(),
                TracingConsent.GIVEN,
                LocalDate.now().minusDays(20),
                "Signed consent form at intake");
        consent = details.consents().get(0);
        cases.recordDisclosureDecision(
                reference,
                consent.soughtPartyId(),
                consent.version(),
                decision,
                LocalDate.now().minusDays(2),
                how);
    }

    private <T> T as(String username, Supplier<T> work) {
        var user = users.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
