package org.helpdesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * HELPDESK_DB_REPLICA_URL pointed at the test database itself (a "standby" that is never behind): read-only
 * transactions (the ticket list) are served through the replica pool, other work through the primary, and a
 * caller reads its own writes. Replication itself is tried on a real standby by bench/failure/replica.sh.
 */
@EnabledIfSystemProperty(named = "helpdesk.test.db", matches = "postgres")
class ReadReplicaIT extends ApiTest {
    @Autowired
    MeterRegistry meters;
    @Autowired
    ReplicaRouting routing;

    private TicketApi tickets;

    @DynamicPropertySource
    static void replica(DynamicPropertyRegistry registry) {
        registry.add("helpdesk.db.replica.url", () -> System.getenv("HELPDESK_TEST_DB_URL"));
        registry.add("helpdesk.db.replica.check-interval", () -> "100ms");
        // the SLA breach sweep reads in a read-only transaction too; kept out of the counted window
        registry.add("helpdesk.sla.sweep-interval", () -> "PT1H");
    }

    @BeforeEach
    void setUp() {
        tickets = new TicketApi(api);
    }

    private double reads(String target) {
        var counter = meters.find("helpdesk.db.reads").tag("target", target).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theTicketListOfACallerWithoutRecentWritesIsServedByTheReplica() throws InterruptedException {
        // Given tickets written with the owner's key, and a second key that has written nothing
        HttpApi.Owner owner = api.newOwner();
        String id = tickets.create(owner, "on the replica").get("id").stringValue();
        String reader = api.createKey(owner.session(), owner.entityId(), List.of("read:helpdesk"));
        Thread.sleep(Duration.ofMillis(400)); // two replica checks: the standby has replayed those writes

        // When the reader lists
        double replicaBefore = reads(ReplicaRouting.REPLICA);
        HttpApi.Response r = api.get(TicketApi.TICKETS).bearer(reader).send();

        // Then the list is complete and came from the replica pool
        assertThat(r.status()).isEqualTo(200);
        assertThat(TicketApi.ids(r)).hasSize(1);
        assertThat(routing.replicaUsable()).isTrue();
        assertThat(reads(ReplicaRouting.REPLICA)).isEqualTo(replicaBefore + 1);

        // And so is the ticket's history
        HttpApi.Response history = api.get(TicketApi.TICKETS + "/" + id + "/events").bearer(reader).send();
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().size()).isEqualTo(1);
        assertThat(reads(ReplicaRouting.REPLICA)).isEqualTo(replicaBefore + 2);
    }

    @Test
    void aCallerAlwaysSeesItsOwnWrites() {
        HttpApi.Owner owner = api.newOwner();
        for (int i = 0; i < 50; i++) {
            String id = tickets.create(owner, "mine " + i).get("id").stringValue();
            assertThat(tickets.listIds(owner, "")).contains(id);
        }
    }

    @Test
    void writesAndSingleTicketReadsStayOnThePrimary() {
        HttpApi.Owner owner = api.newOwner();
        double replicaBefore = reads(ReplicaRouting.REPLICA);
        double primaryBefore = reads(ReplicaRouting.PRIMARY);
        String id = tickets.create(owner, "write").get("id").stringValue();
        tickets.get(owner, id);
        assertThat(reads(ReplicaRouting.REPLICA) + reads(ReplicaRouting.PRIMARY))
                .as("no read-only transaction ran").isEqualTo(replicaBefore + primaryBefore);
    }
}
