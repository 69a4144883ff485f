package org.helpdesk.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.junit.jupiter.api.Test;

class SmokeIT extends ApiTest {
    @Test
    void signedUpOwnerCanCreateAKeyThatAuthenticates() {
        HttpApi.Owner owner = api.newOwner();
        HttpApi.Response r = api.get("/api/helpdesk/tickets").bearer(owner.apiKey()).send();
        assertThat(r.status()).isEqualTo(200);
    }
}
