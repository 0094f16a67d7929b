package org.kinlink.cases;

import java.util.Set;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.NewUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.kinlink.people.PersonForm;
import org.kinlink.people.PersonNames;
import org.kinlink.people.Sex;
import org.springframework.context.ApplicationContext;

/** Teams and users of the shared test database for case tests; every name is unique. */
final class CaseTestSupport {

    private CaseTestSupport() {}

    static long team(ApplicationContext context) {
        var administration = context.getBean(UserAdministration.class);
        return TestAccounts.asAdministrator(() -> administration
                .createTeam(TestAccounts.uniqueName("team"), "test team")
                .id());
    }

    /** A user with the roles in the teams, signed in on the current thread. */
    static KinlinkUser user(ApplicationContext context, Set<String> roles, Set<Long> teams) {
        var administration = context.getBean(UserAdministration.class);
        String username = TestAccounts.uniqueName(roles.contains(Roles.CASEWORKER) ? "cw" : "u");
        TestAccounts.asAdministrator(
                () -> administration.createUser(new NewUser(username, "Test " + username, roles, teams)));
        TestAccounts.setPassword(context, username, "a-long-test-password", false);
        return TestAccounts.load(context, username);
    }

    static KinlinkUser caseworker(ApplicationContext context, long team) {
        return user(context, Set.of(Roles.CASEWORKER), Set.of(team));
    }

    static PersonForm person(String given, String family, String givenNative, String familyNative) {
        return PersonForm.named(new PersonNames(given, family, null, givenNative, familyNative, null))
                .withBirthYear(1980);
    }

    static PersonForm personWithPhone(String given, String family, String phone, String location) {
        return PersonForm.named(new PersonNames(given, family, null, null, null, null))
                .withSex(Sex.FEMALE)
                .withContact(phone, null)
                .withLastKnownLocation(location);
    }
}
