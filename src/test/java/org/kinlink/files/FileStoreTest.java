package org.kinlink.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kinlink.AuditEvents;
import org.kinlink.IntegrationTest;
import org.kinlink.InvalidInput;
import org.kinlink.RecordNotFound;
import org.kinlink.Roles;
import org.kinlink.access.FieldKeyRotation;
import org.kinlink.access.NewUser;
import org.kinlink.access.TestAccounts;
import org.kinlink.access.UserAdministration;
import org.kinlink.crypto.FieldCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/** I2, D1: uploads are checked by size and content, stored encrypted and bound to their row. */
@IntegrationTest
class FileStoreTest {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                    + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    ApplicationContext context;

    @Autowired
    FileStore files;

    @Autowired
    FieldCipher cipher;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void signIn() {
        var administration = context.getBean(UserAdministration.class);
        long team = TestAccounts.asAdministrator(() ->
                administration.createTeam(TestAccounts.uniqueName("team"), "").id());
        String username = TestAccounts.uniqueName("cw");
        TestAccounts.asAdministrator(() -> administration.createUser(
                new NewUser(username, "Test " + username, Set.of(Roles.CASEWORKER), Set.of(team))));
        TestAccounts.signIn(TestAccounts.load(context, username));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static InputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static void refused(Runnable upload, String messageKey) {
        assertThatThrownBy(upload::run).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.field()).isEqualTo("file");
            assertThat(e.messageKey()).isEqualTo(messageKey);
        });
    }

    @Test
    @DisplayName("I2: an empty file is refused")
    void i2_an_empty_file_is_refused() {
        refused(() -> files.store("empty.pdf", in(new byte[0])), "files.empty");
    }

    @Test
    @DisplayName("I2: a file over the limit is refused after reading at most the limit plus one byte")
    void i2_a_file_over_the_limit_is_refused_reading_at_most_limit_plus_one_byte() {
        long[] read = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read[0]++;
                return 'a';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) 'a');
                read[0] += len;
                return len;
            }
        };
        refused(() -> files.store("big.txt", endless), "files.too-big");
        assertThat(read[0]).isLessThanOrEqualTo(files.maxSize() + 1);
    }

    @Test
    @DisplayName("I2: an executable, an HTML page or a script named .pdf is refused by its content")
    void i2_a_wrong_type_behind_a_harmless_extension_is_refused() {
        byte[] executable = new byte[256];
        executable[0] = 'M';
        executable[1] = 'Z';
        executable[0x3c] = (byte) 0x80;
        executable[0x80] = 'P';
        executable[0x81] = 'E';
        refused(() -> files.store("report.pdf", in(executable)), "files.type-not-allowed");
        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        refused(() -> files.store("scan.png", in(elf)), "files.type-not-allowed");
        byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
                .getBytes(StandardCharsets.US_ASCII);
        refused(() -> files.store("letter.pdf", in(html)), "files.type-not-allowed");
        byte[] script = "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII);
        refused(() -> files.store("notes.pdf", in(script)), "files.type-not-allowed");
        // an OLE2 container without a Word stream (an installer, say) named .doc
        refused(() -> files.store("letter.doc", in(ole("SummaryInformation"))), "files.type-not-allowed");
        byte[] zip = zip("payload.exe", "MZ");
        refused(() -> files.store("archive.docx", in(zip)), "files.type-not-allowed");
    }

    @Test
    @DisplayName("I2: path-traversal and control characters never reach the stored name")
    void i2_path_traversal_and_control_character_names_are_sanitised() {
        byte[] text = "hello".getBytes(StandardCharsets.US_ASCII);
        assertThat(files.store("../../etc/passwd", in(text)).originalName()).isEqualTo("passwd");
        assertThat(files.store("..\\..\\x.pdf", in(PDF)).originalName()).isEqualTo("x.pdf");
        assertThat(files.store("call\u0000notes.txt", in(text)).originalName()).isEqualTo("callnotes.txt");
        assertThat(files.store("call\r\nSet-Cookie: x.txt", in(text)).originalName())
                .isEqualTo("callSet-Cookie x.txt");
        assertThat(files.store("evil\u202Etxt.exe", in(text)).originalName()).isEqualTo("eviltxt.exe");
        assertThat(files.store("..", in(text)).originalName()).isEqualTo("attachment");
        assertThat(files.store("../", in(text)).originalName()).isEqualTo("attachment");
        assertThat(files.store("a".repeat(300) + ".pdf", in(PDF)).originalName())
                .hasSize(FileNames.MAX)
                .endsWith(".pdf");
        // the name is never the storage key: rows are keyed by a random UUID
        assertThat(jdbc.queryForList("SELECT storage_key FROM stored_file", String.class))
                .allMatch(key -> key.matches("[0-9a-f-]{36}"));
    }

    @Test
    @DisplayName("I2: PDF, PNG, Word, plain text and e-mail are accepted and typed by content")
    void i2_allowed_types_are_accepted() throws IOException {
        assertThat(files.store("letter.pdf", in(PDF)).mediaType()).isEqualTo("application/pdf");
        assertThat(files.store("photo.png", in(png())).mediaType()).isEqualTo("image/png");
        // a PNG under a wrong but harmless name is still a PNG
        assertThat(files.store("photo.jpg", in(png())).mediaType()).isEqualTo("image/png");
        assertThat(files.store("notes.txt", in("Called the mother.\n".getBytes(StandardCharsets.UTF_8)))
                        .mediaType())
                .isEqualTo("text/plain");
        assertThat(files.store("answer.docx", in(docx())).mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        byte[] mail = ("From: Office <office@example.org>\r\nTo: caseworker@example.org\r\nSubject: Answer\r\n"
                        + "Date: Mon, 2 Nov 2026 10:00:00 +0000\r\nMessage-ID: <1@example.org>\r\n"
                        + "MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nWe have received your letter.\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(files.store("answer.eml", in(mail)).mediaType()).isEqualTo("message/rfc822");
        assertThat(files.store("answer.msg", in(ole("__substg1.0_0037001F"))).mediaType())
                .isEqualTo("application/vnd.ms-outlook");
        assertThat(files.store("old.doc", in(ole("WordDocument"))).mediaType()).isEqualTo("application/msword");
    }

    @Test
    @DisplayName("D1, I2: the content is not stored in clear and reads back the same")
    void d1_the_stored_content_is_not_the_plaintext() {
        byte[] content = "Whereabouts: camp Nowhere-Marker-4711, tent 12\n".getBytes(StandardCharsets.US_ASCII);
        StoredFile stored = files.store("marker-name-4711.txt", in(content));
        byte[] row = jdbc.queryForObject(
                "SELECT content_enc FROM stored_file WHERE id = ?",
                byte[].class,
                stored.id().value());
        String name = jdbc.queryForObject(
                "SELECT original_name_enc FROM stored_file WHERE id = ?",
                String.class,
                stored.id().value());
        assertThat(new String(row, StandardCharsets.ISO_8859_1)).doesNotContain("Marker-4711");
        assertThat(name).doesNotContain("4711");
        assertThat(files.read(stored.id(), "TEST", "d1")).isEqualTo(content);
        assertThat(files.describe(stored.id()).originalName()).isEqualTo("marker-name-4711.txt");
    }

    @Test
    @DisplayName("D1: a ciphertext moved to another row does not decrypt")
    void d1_a_ciphertext_swapped_between_two_rows_fails() {
        StoredFile first = files.store("first.txt", in("first".getBytes(StandardCharsets.US_ASCII)));
        StoredFile second = files.store("second.txt", in("second".getBytes(StandardCharsets.US_ASCII)));
        jdbc.update(
                "UPDATE stored_file SET content_enc = (SELECT c FROM (SELECT content_enc c FROM stored_file WHERE id = ?) t)"
                        + " WHERE id = ?",
                first.id().value(),
                second.id().value());
        assertThatThrownBy(() -> files.read(second.id(), "TEST", "swap"))
                .isInstanceOf(FieldCipher.DecryptionFailed.class);
        // the broken row would stop every later key rotation of the test database
        jdbc.update("DELETE FROM stored_file WHERE id = ?", second.id().value());
    }

    @Test
    @DisplayName("L1: reading a file records FILE_DOWNLOADED on the owner's object, naming the file id only")
    void l1_reading_a_file_is_audited() {
        StoredFile stored = files.store("call.txt", in("call".getBytes(StandardCharsets.US_ASCII)));
        long before = AuditEvents.newest(jdbc);
        files.read(stored.id(), "CASE", "KL-2026-999999");
        var events = AuditEvents.since(jdbc, before, "FILE_DOWNLOADED");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("object_type")).isEqualTo("CASE");
        assertThat(events.get(0).get("object_id")).isEqualTo("KL-2026-999999");
        assertThat(String.valueOf(events.get(0).get("reason")))
                .isEqualTo("file " + stored.id().value());
    }

    @Test
    @DisplayName("I2: a file someone else uploaded cannot be claimed by its id")
    void i2_a_file_of_another_user_is_not_an_own_upload() {
        StoredFile mine = files.store("mine.txt", in("mine".getBytes(StandardCharsets.US_ASCII)));
        assertThat(files.describeOwnUpload(mine.id())).isEqualTo(files.describe(mine.id()));
        signIn();
        assertThatThrownBy(() -> files.describeOwnUpload(mine.id())).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> files.describe(new StoredFileId(Long.MAX_VALUE)))
                .isInstanceOf(RecordNotFound.class);
    }

    @Test
    @DisplayName("I2, D1: a 20 MB upload is stored in MariaDB and reads back intact")
    void i2_a_twenty_megabyte_upload_goes_through_mariadb_and_back() {
        byte[] content = new byte[Math.toIntExact(files.maxSize())];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) ('a' + i % 26);
        }
        content[content.length - 1] = '\n';
        StoredFile stored = files.store("large.txt", in(content));
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(files.read(stored.id(), "TEST", "large")).isEqualTo(content);
        jdbc.update("DELETE FROM stored_file WHERE id = ?", stored.id().value());
    }

    @Test
    @DisplayName("D2: stored files are re-encrypted by a key rotation and still read back")
    void d2_a_key_rotation_re_encrypts_stored_files() {
        byte[] content = "before the rotation".getBytes(StandardCharsets.US_ASCII);
        StoredFile stored = files.store("rotate.txt", in(content));
        var user = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.clearContext();
        var rotation = context.getBean(FieldKeyRotation.class);
        FieldKeyRotation.Result result = TestAccounts.asAdministrator(() -> rotation.rotate(p -> {}));
        String prefix = Integer.toUnsignedString(result.newKeyId()) + ":";
        byte[] row = jdbc.queryForObject(
                "SELECT content_enc FROM stored_file WHERE id = ?",
                byte[].class,
                stored.id().value());
        assertThat(new String(row, 0, prefix.length(), StandardCharsets.US_ASCII))
                .isEqualTo(prefix);
        assertThat(TestAccounts.asAdministrator(rotation::remainingUnderOldKeys))
                .isZero();
        var restored = SecurityContextHolder.createEmptyContext();
        restored.setAuthentication(user);
        SecurityContextHolder.setContext(restored);
        assertThat(files.read(stored.id(), "TEST", "rotation")).isEqualTo(content);
        assertThat(files.describe(stored.id()).originalName()).isEqualTo("rotate.txt");
    }

    static byte[] png() throws IOException {
        var image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static byte[] docx() {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                            + "content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                            + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** The start of an OLE2 compound file with one directory entry of this name (enough for detection). */
    static byte[] ole(String stream) {
        byte[] bytes = new byte[1536];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        byte[] name = stream.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(name, 0, bytes, 1024, name.length);
        return bytes;
    }

    static byte[] zip(String entry, String content) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
