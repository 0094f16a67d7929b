package org.kinlink.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kinlink.startup.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's keys, read from one JSON file ({@code KINLINK_KEYSET}) holding three Tink
 * keysets: {@code fieldEncryption} (AES-256-GCM), {@code blindIndex} (HMAC-SHA256) and {@code
 * audit} (HMAC-SHA256, for the audit hash chain). Each keyset may hold several keys: one primary
 * for new values, older ones still able to decrypt or verify, which is how keys rotate.
 */
public final class KeyRing {

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);
    static final String FORMAT = "kinlink-keyset-v1";

    /** The field keys and their AEAD, swapped together when a key is added or retired. */
    record FieldKeys(KeysetHandle handle, Aead aead, int primaryId) {

        static FieldKeys of(KeysetHandle handle) throws GeneralSecurityException {
            return new FieldKeys(
                    handle,
                    handle.getPrimitive(RegistryConfiguration.get(), Aead.class),
                    handle.getPrimary().getId());
        }
    }

    private volatile FieldKeys fieldKeys;
    private final KeysetHandle blindIndex;
    private final KeysetHandle audit;
    private volatile @Nullable Path file;

    static {
        try {
            AeadConfig.register();
            MacConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not register its primitives", e);
        }
    }

    KeyRing(KeysetHandle fieldEncryption, KeysetHandle blindIndex, KeysetHandle audit) {
        try {
            this.fieldKeys = FieldKeys.of(fieldEncryption);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The field-encryption keyset cannot produce an AEAD", e);
        }
        this.blindIndex = blindIndex;
        this.audit = audit;
    }

    /** Reads the keyset file; if it is missing and {@code generateIfMissing}, creates one first. */
    public static KeyRing load(Path file, boolean generateIfMissing) {
        if (!Files.exists(file)) {
            if (!generateIfMissing) {
                throw new StartupProblem(
                        "The keyset file " + file.toAbsolutePath() + " does not exist.",
                        "Set KINLINK_KEYSET to the path of the keyset file (create one with: java -jar kinlink.jar "
                                + "--generate-keyset=PATH), or run with the demo profile.");
            }
            generate(file);
            log.info("Generated a new keyset at {}", file.toAbsolutePath());
        }
        try {
            KeyRing ring = parse(Files.readString(file, StandardCharsets.UTF_8));
            ring.file = file;
            return ring;
        } catch (IOException | RuntimeException | GeneralSecurityException e) {
            throw new StartupProblem(
                    "The keyset file " + file.toAbsolutePath() + " cannot be read: " + e.getMessage(),
                    "Check the file's permissions and content; it must be a Kinlink keyset (" + FORMAT + ").",
                    e);
        }
    }

    /** Writes a new keyset file with one fresh key in each keyset, readable by its owner only. */
    public static void generate(Path file) {
        try {
            String json = serialize(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
                    KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG),
                    KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG));
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, json, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.warn("Could not restrict the permissions of {}", file);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new StartupProblem(
                    "Cannot write a new keyset to " + file.toAbsolutePath() + ": " + e.getMessage(),
                    "Make the directory writable or set KINLINK_KEYSET to another path.",
                    e);
        }
    }

    static KeyRing parse(String json) throws GeneralSecurityException {
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        if (!root.has("format") || !FORMAT.equals(root.get("format").getAsString())) {
            throw new GeneralSecurityException("not a " + FORMAT + " file");
        }
        return new KeyRing(keyset(root, "fieldEncryption"), keyset(root, "blindIndex"), keyset(root, "audit"));
    }

    static String serialize(KeysetHandle fieldEncryption, KeysetHandle blindIndex, KeysetHandle audit)
            throws GeneralSecurityException {
        var root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.add("fieldEncryption", toJson(fieldEncryption));
        root.add("blindIndex", toJson(blindIndex));
        root.add("audit", toJson(audit));
        return root.toString();
    }

    String serialize() throws GeneralSecurityException {
        return serialize(fieldKeys.handle(), blindIndex, audit);
    }

    /**
     * D2, step 1: adds a new AES-256-GCM key to the field keyset and makes it primary; the older
     * keys stay, so every stored value remains readable. The keyset file is rewritten atomically
     * (after a backup copy) before the new key is used. Returns the new key's id.
     */
    public synchronized int addPrimaryFieldKey() throws GeneralSecurityException, IOException {
        KeysetHandle current = fieldKeys.handle();
        KeysetHandle rotated = KeysetHandle.newBuilder(current)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId()
                        .makePrimary())
                .build();
        FieldKeys next = FieldKeys.of(rotated);
        write(serialize(rotated, blindIndex, audit));
        fieldKeys = next;
        log.info("Added field key {} as primary", Integer.toUnsignedString(next.primaryId()));
        return next.primaryId();
    }

    /**
     * D2, last step: destroys every field key except the primary one. Call only once no stored
     * value is under an older key; the file is rewritten atomically (after a backup copy) first.
     * Returns the ids of the retired keys.
     */
    public synchronized List<Integer> retireOldFieldKeys() throws GeneralSecurityException, IOException {
        KeysetHandle current = fieldKeys.handle();
        var builder = KeysetHandle.newBuilder(current);
        var retired = new ArrayList<Integer>();
        for (int i = current.size() - 1; i >= 0; i--) {
            if (!current.getAt(i).isPrimary()) {
                retired.add(current.getAt(i).getId());
                builder.deleteAt(i);
            }
        }
        if (retired.isEmpty()) {
            return List.of();
        }
        KeysetHandle kept = builder.build();
        FieldKeys next = FieldKeys.of(kept);
        write(serialize(kept, blindIndex, audit));
        fieldKeys = next;
        log.info(
                "Retired field keys {}",
                retired.stream().map(Integer::toUnsignedString).toList());
        return List.copyOf(retired);
    }

    /** Ids of every key in the field keyset (primary and older ones). */
    public List<Integer> fieldKeyIds() {
        KeysetHandle handle = fieldKeys.handle();
        var ids = new ArrayList<Integer>();
        for (int i = 0; i < handle.size(); i++) {
            ids.add(handle.getAt(i).getId());
        }
        return List.copyOf(ids);
    }

    /** Writes the keyset file by a move of a complete temporary file, keeping a copy of the old one. */
    private void write(String json) throws IOException {
        Path target = file;
        if (target == null) {
            return; // a key ring not loaded from a file (tests): nothing to persist
        }
        Path dir = target.toAbsolutePath().getParent();
        if (Files.exists(target)) {
            Path backup = dir.resolve(target.getFileName() + ".bak-" + System.currentTimeMillis());
            Files.copy(target, backup, StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path temporary = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.warn("Could not restrict the permissions of {}", temporary);
            }
            Files.writeString(temporary, json, StandardCharsets.UTF_8);
            try (var channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static KeysetHandle keyset(JsonObject root, String name) throws GeneralSecurityException {
        if (!root.has(name)) {
            throw new GeneralSecurityException("the keyset '" + name + "' is missing");
        }
        return TinkJsonProtoKeysetFormat.parseKeyset(root.get(name).toString(), InsecureSecretKeyAccess.get());
    }

    private static JsonObject toJson(KeysetHandle handle) throws GeneralSecurityException {
        return JsonParser.parseString(TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()))
                .getAsJsonObject();
    }

    KeysetHandle fieldEncryptionKeys() {
        return fieldKeys.handle();
    }

    /** The current field keys; one snapshot gives an AEAD and the id of its primary key together. */
    FieldKeys fieldKeys() {
        return fieldKeys;
    }

    Aead fieldAead() throws GeneralSecurityException {
        return fieldKeys.aead();
    }

    Mac blindIndexMac() throws GeneralSecurityException {
        return blindIndex.getPrimitive(RegistryConfiguration.get(), Mac.class);
    }

    /** The MAC that links audit events; verifies tags of every key in the keyset. */
    public Mac auditMac() {
        try {
            return audit.getPrimitive(RegistryConfiguration.get(), Mac.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The audit keyset cannot produce a MAC", e);
        }
    }

    /** Id of the key that makes new audit hashes and checkpoint signatures; named in a checkpoint. */
    public int primaryAuditKeyId() {
        return audit.getPrimary().getId();
    }

    /** Id of the key that encrypts new values; stored beside each value. */
    public int primaryFieldKeyId() {
        return fieldKeys.primaryId();
    }
}
