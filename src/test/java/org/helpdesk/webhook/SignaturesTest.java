package org.helpdesk.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The signing unit against the Standard Webhooks specification's published example. */
class SignaturesTest {
    // https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md (and every
    // reference library's tests): this secret, id, timestamp and payload sign to this value
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String PAYLOAD = "{\"test\": 2432232314}";
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsThePublishedTestVectorOfTheSpecification() {
        assertThat(Signatures.sign(SECRET, ID, TIMESTAMP, PAYLOAD)).isEqualTo(EXPECTED);
    }

    @Test
    void aChangedByteOfTheBodyChangesTheSignature() {
        assertThat(Signatures.sign(SECRET, ID, TIMESTAMP, "{\"test\": 2432232315}")).isNotEqualTo(EXPECTED);
    }

    @Test
    void duringARotationTheHeaderCarriesOneSignaturePerSecretSpaceSeparated() {
        String other = Signatures.newSecret();
        String header = Signatures.header(List.of(other, SECRET), ID, TIMESTAMP, PAYLOAD);
        assertThat(header.split(" ")).containsExactly(Signatures.sign(other, ID, TIMESTAMP, PAYLOAD), EXPECTED);
    }

    @Test
    void newSecretsAreWhsecAnd32RandomBytes() {
        String secret = Signatures.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(Signatures.newSecret()).isNotEqualTo(secret);
    }
}
