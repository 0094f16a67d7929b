package org.kinlink.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.kinlink.crypto.EncryptedColumn;
import org.kinlink.crypto.KeyRing;
import org.kinlink.people.DocumentType;
import org.kinlink.people.PersonForm;
import org.kinlink.people.PersonId;
import org.kinlink.people.PersonNames;
import org.kinlink.people.PersonService;
import org.kinlink.people.Sex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** D2: the field key rotates (add, make primary, re-encrypt in batches, retire) with no value lost. */
@IntegrationTest
class FieldKeyRotationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    FieldKeyRotation rotation;

    @Autowired
    KeyRing keys;

    @Autowired
    PersonService people;

    @Autowired
    UserAdministration administration;

    @Autowired
    List<EncryptedColumn.Source> sources;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${kinlink.keyset}")
    String keysetFile;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void d2_values_encrypted_under_key_1_are_re_encrypted_under_key_2_still_decrypt_and_key_1_is_retired()
            throws Exception {
        long team = TestAccounts.asAdministrator(() ->
                administration.createTeam(TestAccounts.uniqueName("team"), "").id());
        String username = TestAccounts.uniqueName("cw");
        TestAccounts.asAdministrator(() -> administration.createUser(
                new NewUser(username, "Test " + username, Set.of(Roles.CASEWORKER), Set.of(team))));
        TestAccounts.signIn(TestAccounts.load(context, username));
        PersonId person = people.register(
                new PersonForm(
                        new PersonNames("Rotana", "Keytest", null, null, null, null),
                        List.of(),
                        Sex.FEMALE,
                        null,
                        1975,
                        null,
                        null,
                        "Shelter 12",
                        "+98 21 5555 0199",
                        null,
                        null,
                        null,
                        List.of(new PersonForm.DocumentEntry(DocumentType.PASSPORT, "R1112223", null)),
                        "note"),
                team);
        int oldKey = keys.primaryFieldKeyId();
        String before = jdbc.queryForObject(
                "SELECT last_known_location_enc FROM person WHERE id = ?", String.class, person.value());
        assertThat(before).startsWith(Integer.toUnsignedString(oldKey) + ":");
        SecurityContextHolder.clearContext();

        var progress = new ArrayList<FieldKeyRotation.Progress>();
        FieldKeyRotation.Result result = TestAccounts.asAdministrator(() -> rotation.rotate(progress::add));

        int newKey = result.newKeyId();
        assertThat(newKey).isNotEqualTo(oldKey).isEqualTo(keys.primaryFieldKeyId());
        assertThat(result.retiredKeyIds()).contains(oldKey);
        assertThat(keys.fieldKeyIds()).containsExactly(newKey);
        assertThat(result.reEncrypted()).isPositive();
        assertThat(progress).isNotEmpty();
        // progress per column: first 0 of the values found, then after each batch, ending with all of them
        assertThat(progress)
                .filteredOn(p -> p.column().equals("person.last_known_location_enc"))
                .first()
                .satisfies(p -> assertThat(p.reEncrypted()).isZero());
        assertThat(progress)
                .filteredOn(p -> p.column().equals("person.last_known_location_enc"))
                .last()
                .satisfies(p -> assertThat(p.reEncrypted()).isEqualTo(p.total()).isPositive());
        assertThat(progress.stream().map(FieldKeyRotation.Progress::column).distinct())
                .contains("person.last_known_location_enc", "person_document.number_enc");
        assertThat(TestAccounts.asAdministrator(rotation::remainingUnderOldKeys))
                .isZero();
        String prefix = Integer.toUnsignedString(newKey) + ":";
        assertThat(jdbc.queryForObject(
                        "SELECT last_known_location_enc FROM person WHERE id = ?", String.class, person.value()))
                .startsWith(prefix);
        assertThat(jdbc.queryForObject(
                        "SELECT number_enc FROM person_document WHERE person_id = ?", String.class, person.value()))
                .startsWith(prefix);

        // still readable, through the service, under the new key only
        TestAccounts.signInConfirmed(TestAccounts.load(context, username));
        assertThat(people.reveal(person, org.kinlink.access.SensitiveFieldClass.LOCATION, "rotation test")
                        .lastKnownLocation()
                        .value())
                .isEqualTo("Shelter 12");
        assertThat(people.open(person).phone().value()).isEqualTo("+98 21 5555 0199");

        // the keyset file on disk holds the new key only, and a backup of the one before was kept
        Path file = Path.of(keysetFile);
        assertThat(KeyRing.load(file, false).fieldKeyIds()).containsExactly(newKey);
        try (var siblings = Files.list(file.toAbsolutePath().getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.startsWith(file.getFileName() + ".bak-"));
        }
    }

    @Test
    void d2_the_rotate_field_key_command_rotates_as_the_operator_and_leaves_everything_readable() throws Exception {
        int before = keys.primaryFieldKeyId();
        context.getBean(FieldKeyRotationCommand.class)
                .run(new org.springframework.boot.DefaultApplicationArguments("--rotate-field-key"));
        assertThat(keys.primaryFieldKeyId()).isNotEqualTo(before);
        assertThat(keys.fieldKeyIds()).containsExactly(keys.primaryFieldKeyId());
        assertThat(TestAccounts.asAdministrator(rotation::remainingUnderOldKeys))
                .isZero();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void d2_a_second_rotation_while_one_runs_is_refused() {
        var refused = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        TestAccounts.asAdministrator(() -> rotation.rotate(p -> {
            if (refused.get() == null) {
                try {
                    rotation.rotate(q -> {});
                    refused.set(new AssertionError("a second rotation ran"));
                } catch (org.kinlink.InvalidInput e) {
                    refused.set(e);
                }
            }
        }));

        assertThat(refused.get())
                .isInstanceOfSatisfying(
                        org.kinlink.InvalidInput.class,
                        e -> assertThat(e.messageKey()).isEqualTo("keys.already-running"));
        assertThat(TestAccounts.asAdministrator(rotation::running)).isFalse();
    }

    @Test
    void d2_c2_only_an_administrator_may_rotate() {
        String username = TestAccounts.uniqueName("co");
        TestAccounts.asAdministrator(() -> administration.createUser(
                new NewUser(username, "Test " + username, Set.of(Roles.COORDINATOR), Set.of())));
        TestAccounts.signIn(TestAccounts.load(context, username));
        assertThatThrownBy(() -> rotation.rotate(p -> {})).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void d2_every_encrypted_column_of_the_schema_is_listed_for_re_encryption() {
        var schema = new TreeSet<>(jdbc.queryForList(
                "SELECT CONCAT(LOWER(table_name), '.', LOWER(column_name)) FROM information_schema.columns "
                        + "WHERE table_schema = DATABASE() AND column_name LIKE '%\\_enc'",
                String.class));
        // columns encrypted under another name: the TOTP secrets (bound to the user id)
        schema.add("totp_credential.secret");
        var listed = new TreeSet<String>();
        sources.forEach(s -> s.encryptedColumns().forEach(c -> listed.add(c.table() + "." + c.column())));
        assertThat(listed).isEqualTo(schema);
    }
}
