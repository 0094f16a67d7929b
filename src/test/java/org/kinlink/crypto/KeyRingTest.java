package org.kinlink.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinlink.startup.StartupProblem;

/** D2: keys live in one file outside the database; start-up stops clearly when it is unusable. */
class KeyRingTest {

    @TempDir
    Path dir;

    @Test
    void a_missing_keyset_stops_start_up_with_a_clear_problem() {
        Path missing = dir.resolve("missing.json");

        assertThatThrownBy(() -> KeyRing.load(missing, false))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void a_missing_keyset_is_generated_when_asked_to() {
        Path file = dir.resolve("generated/keyset.json");

        KeyRing keys = KeyRing.load(file, true);

        assertThat(file).isNotEmptyFile();
        assertThat(KeyRing.load(file, false).primaryFieldKeyId()).isEqualTo(keys.primaryFieldKeyId());
    }

    @Test
    void a_generated_keyset_is_readable_by_its_owner_only() throws Exception {
        Path file = dir.resolve("keyset.json");

        KeyRing.generate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void a_garbage_keyset_file_stops_start_up_with_a_clear_problem() throws Exception {
        Path file = dir.resolve("keyset.json");
        Files.writeString(file, "this is not a keyset");

        assertThatThrownBy(() -> KeyRing.load(file, false))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("cannot be read");
    }

    @Test
    void a_json_file_of_another_format_stops_start_up_with_a_clear_problem() throws Exception {
        Path file = dir.resolve("keyset.json");
        Files.writeString(file, "{\"format\": \"something-else\", \"fieldEncryption\": {}}");

        assertThatThrownBy(() -> KeyRing.load(file, false))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("kinlink-keyset-v1");
    }

    @Test
    void a_keyset_missing_one_of_its_keys_stops_start_up() throws Exception {
        Path file = dir.resolve("keyset.json");
        KeyRing.generate(file);
        var json =
                com.google.gson.JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        json.remove("audit");
        Files.writeString(file, json.toString());

        assertThatThrownBy(() -> KeyRing.load(file, false))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("audit");
    }
}
