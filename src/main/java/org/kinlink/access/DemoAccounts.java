package org.kinlink.access;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.kinlink.Roles;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: two teams and one fictional user per role (plus two with two roles), created
 * on the first demo start, and the logins printed at every start.
 */
@Component
@Profile("demo")
@Order(10)
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    /** The one password of every demo account; demo data is fictional and for evaluation only. */
    static final String PASSWORD = "kinlink-demo-2026";

    static final String TEAM_AMBER = "Team Amber";
    static final String TEAM_CEDAR = "Team Cedar";

    record DemoUser(String username, String displayName, Set<String> roles, Set<String> teams) {}

    static final List<DemoUser> USERS = List.of(
            new DemoUser("caseworker", "Leyla Farzan", Set.of(Roles.CASEWORKER), Set.of(TEAM_AMBER)),
            new DemoUser("caseworker2", "Dariush Kamrani", Set.of(Roles.CASEWORKER), Set.of(TEAM_CEDAR)),
            new DemoUser("coordinator", "Mina Azadeh", Set.of(Roles.COORDINATOR), Set.of()),
            new DemoUser("auditor", "Tomas Ekberg", Set.of(Roles.AUDITOR), Set.of()),
            new DemoUser("admin", "Ines Moravec", Set.of(Roles.ADMIN), Set.of()),
            new DemoUser(
                    "lead",
                    "Parisa Nourian",
                    Set.of(Roles.CASEWORKER, Roles.COORDINATOR),
                    Set.of(TEAM_AMBER, TEAM_CEDAR)),
            // imports spreadsheets (and undoes imports): an administrator who is a caseworker of the team
            new DemoUser("registrar", "Kian Rostami", Set.of(Roles.ADMIN, Roles.CASEWORKER), Set.of(TEAM_AMBER)));

    private final UserAccountRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final Clock clock;
    private final org.springframework.core.env.Environment environment;

    DemoAccounts(
            UserAccountRepository users,
            TeamRepository teams,
            PasswordEncoder passwordEncoder,
            AuditTrail audit,
            Clock clock,
            org.springframework.core.env.Environment environment) {
        this.environment = environment;
        this.users = users;
        this.teams = teams;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Team amber = team(TEAM_AMBER, "Demo team: family requests received by telephone");
        Team cedar = team(TEAM_CEDAR, "Demo team: family requests received in person");
        String hash = null;
        for (DemoUser demo : USERS) {
            if (users.existsByUsername(demo.username())) {
                continue;
            }
            if (hash == null) {
                hash = passwordEncoder.encode(PASSWORD);
            }
            var account = new UserAccount(demo.username(), demo.displayName(), hash, clock.instant());
            account.setRoles(demo.roles());
            account.setTeamIds(demo.teams().stream()
                    .map(name -> name.equals(TEAM_AMBER) ? amber.id() : cedar.id())
                    .collect(java.util.stream.Collectors.toSet()));
            users.save(account);
            audit.record(
                    AuditEntry.success("USER_CREATED", "USER", account.id()).by(null, "demo"));
        }
        var logins = new StringBuilder();
        for (DemoUser demo : USERS) {
            logins.append(String.format(
                    "%n   %-12s %-28s %s",
                    demo.username(), String.join("+", demo.roles()), String.join(", ", demo.teams())));
        }
        log.info("""

                ==================================================================
                 Kinlink demo: fictional data, for evaluation only.
                 Open http://localhost:{} and sign in as one of (password: {}):
                   username     role(s)                      team(s){}
                ==================================================================""", environment.getProperty("local.server.port", "8080"), PASSWORD, logins);
    }

    private Team team(String name, String description) {
        return teams.findByName(name).orElseGet(() -> {
            Team team = teams.save(new Team(name, description, clock.instant()));
            audit.record(AuditEntry.success("TEAM_CREATED", "TEAM", team.id()).by(null, "demo"));
            return team;
        });
    }
}
