package org.kinlink.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kinlink.AuditEvents;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** L1, L3: events are written with the work they describe, numbered without gaps and hash-linked. */
@IntegrationTest
class AuditTrailTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditChainVerifier verifier;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void an_event_recorded_in_work_that_is_rolled_back_is_not_kept() {
        String marker = marker();
        long before = AuditEvents.newest(jdbc);

        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            trail.record(AuditEntry.success("TEST_EVENT", "TEST", marker));
            tx.setRollbackOnly();
        });

        assertThat(countOf(marker)).isZero();
        assertThat(AuditEvents.newest(jdbc)).isEqualTo(before);
    }

    @Test
    void an_event_recorded_in_work_that_commits_is_kept() {
        String marker = marker();

        new TransactionTemplate(transactionManager)
                .executeWithoutResult(tx -> trail.record(AuditEntry.success("TEST_EVENT", "TEST", marker)));

        assertThat(countOf(marker)).isEqualTo(1);
    }

    @Test
    void an_event_recorded_independently_is_kept_even_when_the_work_rolls_back() {
        String marker = marker();

        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            trail.recordIndependently(AuditEntry.denied("TEST_EVENT", "TEST", marker));
            tx.setRollbackOnly();
        });

        assertThat(countOf(marker)).isEqualTo(1);
    }

    @Test
    void events_are_numbered_without_gaps_and_each_links_to_the_hash_of_the_one_before() {
        for (int i = 0; i < 5; i++) {
            trail.record(AuditEntry.success("TEST_EVENT", "TEST", marker()));
        }

        var chain = jdbc.queryForList("SELECT sequence_no, previous_hash, hash FROM audit_event ORDER BY sequence_no");
        assertThat(chain).hasSizeGreaterThanOrEqualTo(5);
        String previous = AuditTrail.GENESIS;
        long expected = 1;
        for (var event : chain) {
            assertThat(((Number) event.get("sequence_no")).longValue()).isEqualTo(expected++);
            assertThat(event.get("previous_hash")).isEqualTo(previous);
            previous = (String) event.get("hash");
        }
        assertThat(jdbc.queryForObject("SELECT last_hash FROM audit_chain_head WHERE id = 1", String.class))
                .isEqualTo(previous);
    }

    /** Two writers on their own threads and connections, as two application nodes would be. */
    @Test
    @WithMockUser(roles = Roles.AUDITOR)
    void two_concurrent_writers_leave_a_gap_free_intact_chain() throws Exception {
        String marker = marker();
        int writers = 2;
        int eventsEach = 50;
        long before = AuditEvents.newest(jdbc);
        var start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String writer = "writer-" + w;
                done.add(pool.submit(() -> {
                    start.await();
                    var transactions = new TransactionTemplate(transactionManager);
                    for (int i = 0; i < eventsEach; i++) {
                        transactions.executeWithoutResult(tx -> trail.record(
                                AuditEntry.success("TEST_EVENT", "TEST", marker).because(writer)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var writer : done) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(countOf(marker)).isEqualTo(writers * eventsEach);
        var numbers = jdbc.queryForList(
                "SELECT sequence_no FROM audit_event WHERE sequence_no > ? ORDER BY sequence_no", Long.class, before);
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).isEqualTo(before + 1 + i);
        }
        var verification = verifier.verify();
        assertThat(verification.intact()).as(verification.problem()).isTrue();
    }

    /**
     * L3 with many writers: a transaction that recorded an event and goes on working does not hold
     * the chain head, so another writer's event is written meanwhile; the chain follows the order
     * of the commits and stays intact.
     */
    @Test
    @WithMockUser(roles = Roles.AUDITOR)
    void a_long_transaction_does_not_make_other_writers_wait_for_it() throws Exception {
        String longMarker = marker();
        String shortMarker = marker();
        var recorded = new CountDownLatch(1);
        var finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> longWork = pool.submit(() -> {
                new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
                    trail.record(AuditEntry.success("TEST_EVENT", "TEST", longMarker));
                    recorded.countDown();
                    try {
                        finish.await(1, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                return null;
            });
            assertThat(recorded.await(1, TimeUnit.MINUTES)).isTrue();

            // before deferral this waited on the head row locked by the long transaction
            // (and failed after innodb_lock_wait_timeout)
            new TransactionTemplate(transactionManager)
                    .executeWithoutResult(tx -> trail.record(AuditEntry.success("TEST_EVENT", "TEST", shortMarker)));
            assertThat(countOf(shortMarker)).isEqualTo(1);
            assertThat(countOf(longMarker)).isZero();

            finish.countDown();
            longWork.get(1, TimeUnit.MINUTES);
        } finally {
            finish.countDown();
            pool.shutdownNow();
        }

        assertThat(sequenceOf(longMarker)).isGreaterThan(sequenceOf(shortMarker));
        var verification = verifier.verify();
        assertThat(verification.intact()).as(verification.problem()).isTrue();
    }

    @Test
    void an_inner_independent_transaction_writes_its_own_events_not_the_outer_ones() {
        String outer = marker();
        String inner = marker();
        var requiresNew = new TransactionTemplate(transactionManager);
        requiresNew.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            trail.record(AuditEntry.success("TEST_EVENT", "TEST", outer));
            requiresNew.executeWithoutResult(innerTx -> trail.record(AuditEntry.success("TEST_EVENT", "TEST", inner)));
            assertThat(countOf(inner)).isEqualTo(1);
            tx.setRollbackOnly();
        });

        assertThat(countOf(inner)).isEqualTo(1);
        assertThat(countOf(outer)).isZero();
    }

    @Test
    void several_events_of_one_transaction_are_written_in_the_order_they_were_recorded() {
        String first = marker();
        String second = marker();

        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            trail.record(AuditEntry.success("TEST_EVENT", "TEST", first));
            trail.record(AuditEntry.success("TEST_EVENT", "TEST", second));
        });

        assertThat(sequenceOf(second)).isEqualTo(sequenceOf(first) + 1);
    }

    private long sequenceOf(String marker) {
        return jdbc.queryForObject("SELECT sequence_no FROM audit_event WHERE object_id = ?", Long.class, marker);
    }

    private long countOf(String marker) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE object_id = ?", Long.class, marker);
        return count == null ? 0 : count;
    }

    private static String marker() {
        return UUID.randomUUID().toString();
    }
}
