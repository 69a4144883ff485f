package org.helpdesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.helpdesk.common.InvalidInput;
import org.junit.jupiter.api.Test;

/** The signup and sign-in commands: the rules the API and the pages share, without a server. */
class SignUpRulesTest {

    @Test
    void aSignUpKeepsTheEmailLowerCasedAndTheNamesTrimmed() {
        SignUp signUp = new SignUp(" Ann@Example.COM ", "correct horse", "  Ann  ", " Acme ", "10.0.0.1");
        assertThat(signUp.email()).isEqualTo("ann@example.com");
        assertThat(signUp.name()).isEqualTo("Ann");
        assertThat(signUp.entityName()).isEqualTo("Acme");
    }

    @Test
    void aPasswordHasAtLeastEightCharacters() {
        assertThatThrownBy(() -> new SignUp("ann@example.com", "short", "Ann", "Acme", null))
                .isInstanceOf(InvalidInput.class).hasMessage("password must be at least 8 characters");
        assertThat(SignUp.password("12345678")).isEqualTo("12345678");
    }

    @Test
    void aPasswordHasAtMostSeventyTwoBytesBecauseBcryptIgnoresTheRest() {
        assertThat(SignUp.password("a".repeat(72))).hasSize(72);
        assertThatThrownBy(() -> SignUp.password("é".repeat(37))).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("72 bytes");
    }

    @Test
    void eachFieldIsCheckedWithItsName() {
        assertThatThrownBy(() -> new SignUp("ann", "correct horse", "Ann", "Acme", null)).hasMessageContaining("email");
        assertThatThrownBy(() -> new SignUp("ann@example.com", "correct horse", " ", "Acme", null)).hasMessageContaining("name");
        assertThatThrownBy(() -> new SignUp("ann@example.com", "correct horse", "Ann", "x".repeat(256), null))
                .hasMessageContaining("entityName");
    }

    @Test
    void aSignInOnlyNormalisesTheEmailAndNeverRefusesIt() {
        SignIn signIn = new SignIn("  Ann@Example.COM ", "pw", "10.0.0.1");
        assertThat(signIn.email()).isEqualTo("ann@example.com");
        assertThat(new SignIn("not an email", null, null).email()).isEqualTo("not an email");
        assertThat(new SignIn(null, null, null).password()).isEmpty();
    }
}
