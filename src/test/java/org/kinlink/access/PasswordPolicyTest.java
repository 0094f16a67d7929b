package org.kinlink.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kinlink.InvalidInput;

/** A1: 12 to 128 characters, no composition rules, not a common password, not the username. */
class PasswordPolicyTest {

    private static final PasswordPolicy POLICY = new PasswordPolicy();

    @Test
    void eleven_characters_are_too_short() {
        assertThat(refusal("lantern-hou")).isEqualTo("password.too-short");
    }

    @Test
    void twelve_characters_of_any_kind_are_enough() {
        // no composition rules: lower-case letters and a space are fine
        assertThatCode(() -> POLICY.check("newPassword", "lantern harb", "leyla"))
                .doesNotThrowAnyException();
    }

    @Test
    void a_persian_passphrase_of_twelve_characters_is_enough() {
        assertThatCode(() -> POLICY.check("newPassword", "باغ انار سبز", "leyla"))
                .doesNotThrowAnyException();
    }

    @Test
    void characters_are_counted_as_people_see_them_not_as_code_units() {
        // six emoji are twelve UTF-16 code units but six characters
        assertThat(refusal("\uD83C\uDF19".repeat(6))).isEqualTo("password.too-short");
    }

    @Test
    void one_hundred_and_twenty_eight_characters_are_allowed() {
        assertThatCode(() -> POLICY.check("newPassword", "river stone ".repeat(10) + "lantern!", "leyla"))
                .doesNotThrowAnyException();
    }

    @Test
    void one_hundred_and_twenty_nine_characters_are_too_long() {
        assertThat(refusal("river stone ".repeat(10) + "lantern!!")).isEqualTo("password.too-long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123qweasdzxc", "123QWEASDZXC", "123QweAsdZxc", "password1234"})
    void a_commonly_used_password_is_refused_whatever_its_case(String common) {
        assertThat(refusal(common)).isEqualTo("password.too-common");
    }

    @Test
    void a_password_containing_the_username_is_refused() {
        assertThat(catchThrowableOfType(
                                InvalidInput.class, () -> POLICY.check("newPassword", "my-name-is-Leyla-2026", "leyla"))
                        .messageKey())
                .isEqualTo("password.contains-username");
    }

    @Test
    void the_refusal_names_the_field_it_concerns() {
        var refused = catchThrowableOfType(InvalidInput.class, () -> POLICY.check("newPassword", "short", "leyla"));

        assertThat(refused.field()).isEqualTo("newPassword");
        assertThat(refused.arguments()).containsExactly(PasswordPolicy.MIN_LENGTH);
    }

    private static String refusal(String password) {
        return catchThrowableOfType(InvalidInput.class, () -> POLICY.check("newPassword", password, "leyla"))
                .messageKey();
    }
}
