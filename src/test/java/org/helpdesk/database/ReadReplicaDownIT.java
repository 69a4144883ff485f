package org.helpdesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A replica that cannot be reached neither stops the start nor the reads: the primary serves them. */
@EnabledIfSystemProperty(named = "helpdesk.test.db", matches = "postgres")
class ReadReplicaDownIT extends ApiTest {
    @Autowired
    MeterRegistry meters;
    @Autowired
    ReplicaRouting routing;

    @DynamicPropertySource
    static void replica(DynamicPropertyRegistry registry) {
        // port 9 (discard) on loopback: nothing listens, connections are refused at once
        registry.add("helpdesk.db.replica.url", () -> "jdbc:postgresql://127.0.0.1:9/helpdesk?connectTimeout=1");
        // the SLA breach sweep reads in a read-only transaction too; kept out of the counted window
        registry.add("helpdesk.sla.sweep-interval", () -> "PT1H");
    }

    @Test
    void listsAreServedByThePrimaryAndTheAppIsHealthy() {
        HttpApi.Owner owner = api.newOwner();
        var tickets = new TicketApi(api);
        String id = tickets.create(owner, "while the standby is down").get("id").stringValue();
        var primary = meters.find("helpdesk.db.reads").tag("target", ReplicaRouting.PRIMARY).counter();
        double before = primary.count();

        assertThat(tickets.listIds(owner, "")).containsExactly(id);
        assertThat(tickets.listIds(owner, "search=standby")).containsExactly(id);

        assertThat(routing.replicaUsable()).isFalse();
        assertThat(primary.count()).isEqualTo(before + 2);
        assertThat(api.get("/readyz").send().status()).isEqualTo(200);
        assertThat(meters.find("hikaricp.connections").tag("pool", "replica").gauge()).isNotNull();
    }
}
