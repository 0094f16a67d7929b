package org.kinlink.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kinlink.Roles;
import org.kinlink.access.KinlinkUser;
import org.kinlink.access.NewUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.springframework.context.ApplicationContext;

/** Teams with one caseworker each, for generated data, and other users for the benchmarks. */
final class BenchAccounts {

    static final String PASSWORD = "bench-password-2026";

    private BenchAccounts() {}

    static List<DataGenerator.Team> team(ApplicationContext context, int count) {
        var administration = context.getBean(UserAdministration.class);
        var teams = new ArrayList<DataGenerator.Team>();
        for (int i = 0; i < count; i++) {
            long team = TestAccounts.asAdministrator(() -> administration
                    .createTeam(TestAccounts.uniqueName("bench-team"), "generated data")
                    .id());
            KinlinkUser caseworker = user(context, "bench-cw", Set.of(Roles.CASEWORKER), Set.of(team));
            teams.add(new DataGenerator.Team(team, caseworker.id(), caseworker.getUsername()));
        }
        return teams;
    }

    static KinlinkUser user(ApplicationContext context, String prefix, Set<String> roles, Set<Long> teams) {
        var administration = context.getBean(UserAdministration.class);
        String username = TestAccounts.uniqueName(prefix);
        TestAccounts.asAdministrator(
                () -> administration.createUser(new NewUser(username, "Bench " + username, roles, teams)));
        TestAccounts.setPassword(context, username, PASSWORD, false);
        return TestAccounts.load(context, username);
    }
}
