package org.kinlink.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** The auditors' dashboard figures: the last recorded verification and events per day, by the injected clock. */
@IntegrationTest
@WithMockUser(username = "auditor-on-duty", roles = Roles.AUDITOR)
class AuditFiguresTest {

    @Autowired
    AuditFigures figures;

    @Autowired
    AuditChainVerifier verifier;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("the last verification is read from the trail, with its result, without walking the chain again")
    void the_last_verification_is_the_newest_recorded_one() {
        var result = verifier.verify();

        var last = figures.lastVerification().orElseThrow();

        assertThat(last.intact()).isEqualTo(result.intact());
        assertThat(last.by()).isEqualTo("auditor-on-duty");
        assertThat(last.at())
                .isBetween(
                        Instant.now().minus(1, ChronoUnit.MINUTES),
                        Instant.now().plusSeconds(1));
    }

    @Test
    @DisplayName("events per day cover the last N days up to the clock's today, oldest first, with zero for quiet days")
    void events_per_day_follow_the_clock() {
        verifier.verify(); // at least one event today
        var today = figures.eventsPerDay(14);
        assertThat(today).hasSize(14);
        assertThat(today.get(13).day()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
        assertThat(today.get(13).events()).isPositive();

        var longAgo = new AuditFigures(jdbc, Clock.fixed(Instant.parse("2000-01-10T12:00:00Z"), ZoneOffset.UTC));
        var quiet = longAgo.eventsPerDay(14);
        assertThat(quiet).hasSize(14);
        assertThat(quiet.get(0).day()).isEqualTo(LocalDate.of(1999, 12, 28));
        assertThat(quiet).allSatisfy(day -> assertThat(day.events()).isZero());
    }
}
