package org.kinlink.letters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.NewUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.kinlink.cases.CaseDetails;
import org.kinlink.cases.CaseFacts;
import org.kinlink.cases.CaseService;
import org.kinlink.cases.DisclosureDecision;
import org.kinlink.cases.NewCase;
import org.kinlink.cases.PartyRole;
import org.kinlink.cases.PartyView;
import org.kinlink.cases.Priority;
import org.kinlink.cases.Relationship;
import org.kinlink.people.PersonForm;
import org.kinlink.people.PersonNames;
import org.kinlink.people.PersonService;
import org.springframework.context.ApplicationContext;

/** Teams, users, cases and institutions for the letters tests; every name is unique. */
public final class LettersTestSupport {

    private LettersTestSupport() {}

    public static long team(ApplicationContext context) {
        var administration = context.getBean(UserAdministration.class);
        return TestAccounts.asAdministrator(() -> administration
                .createTeam(TestAccounts.uniqueName("team"), "test team")
                .id());
    }

    public static KinlinkUser user(ApplicationContext context, Set<String> roles, Set<Long> teams) {
        var administration = context.getBean(UserAdministration.class);
        String username = TestAccounts.uniqueName(roles.contains(Roles.CASEWORKER) ? "cw" : "co");
        TestAccounts.asAdministrator(
                () -> administration.createUser(new NewUser(username, "Test " + username, roles, teams)));
        TestAccounts.setPassword(context, username, "a-long-test-password", false);
        return TestAccounts.load(context, username);
    }

    /** A case of the team with a sought person and an enquirer, made by {@code caseworker} (signed in afterwards). */
    public static String caseWithParties(ApplicationContext context, KinlinkUser caseworker, long team, String name) {
        TestAccounts.signIn(caseworker);
        var cases = context.getBean(CaseService.class);
        var people = context.getBean(PersonService.class);
        String reference = cases.create(new NewCase("Letter case " + name, null, Priority.NORMAL, team, null));
        cases.addParty(
                reference,
                people.register(PersonForm.named(new PersonNames(name, "Sought", null, null, null, null)), team),
                PartyRole.SOUGHT,
                Relationship.SELF);
        cases.addParty(
                reference,
                people.register(PersonForm.named(new PersonNames(name, "Enquirer", null, null, null, null)), team),
                PartyRole.ENQUIRER,
                Relationship.MOTHER);
        return reference;
    }

    /** Records the sought person's disclosure decision (as the case's caseworker, who is signed in afterwards). */
    public static void decide(
            ApplicationContext context, KinlinkUser caseworker, String reference, DisclosureDecision decision) {
        TestAccounts.signIn(caseworker);
        var cases = context.getBean(CaseService.class);
        CaseDetails details = cases.open(reference);
        PartyView sought = details.parties().stream()
                .filter(p -> p.role() == PartyRole.SOUGHT)
                .findFirst()
                .orElseThrow();
        long version =
                details.consents().isEmpty() ? 0 : details.consents().get(0).version();
        cases.recordDisclosureDecision(
                reference, sought.partyId(), version, decision, LocalDate.now().minusDays(1), "visit");
    }

    public static InstitutionId institution(ApplicationContext context, InstitutionType type, String language) {
        return context.getBean(Institutions.class)
                .save(new InstitutionForm(
                        null,
                        0,
                        TestAccounts.uniqueName("Institution"),
                        type,
                        "Switzerland",
                        "Avenue de la Paix 19\n1202 Geneva",
                        "info@example.org",
                        null,
                        language,
                        null))
                .id();
    }

    /** Names of every party of the cases (legitimate interest), as the drafting dialog prefills them. */
    public static List<Disclosed> names(ApplicationContext context, List<String> references) {
        var lines = new ArrayList<Disclosed>();
        for (CaseFacts facts : context.getBean(CaseService.class).letterFacts(references)) {
            for (CaseFacts.Party party : facts.parties()) {
                lines.add(new Disclosed(
                        facts.reference(), party.personId(), DataCategory.NAME, LegalBasis.LEGITIMATE_INTEREST));
            }
        }
        return lines;
    }

    public static LetterDraft draft(InstitutionId institution, List<String> references, List<Disclosed> register) {
        return new LetterDraft(
                institution,
                references,
                "en",
                LetterChannel.POST,
                "Request for information",
                "We write about the persons named in our cases " + String.join(", ", references) + ".",
                null,
                register);
    }
}
