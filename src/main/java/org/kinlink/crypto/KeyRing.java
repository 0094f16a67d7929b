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
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
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

    private final KeysetHandle fieldEncryption;
    private final KeysetHandle blindIndex;
    private final KeysetHandle audit;

    static {
        try {
            AeadConfig.register();
            MacConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not register its primitives", e);
        }
    }

    KeyRing(KeysetHandle fieldEncryption, KeysetHandle blindIndex, KeysetHandle audit) {
        this.fieldEncryption = fieldEncryption;
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
            return parse(Files.readString(file, StandardCharsets.UTF_8));
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
        return serialize(fieldEncryption, blindIndex, audit);
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
        return fieldEncryption;
    }

    Aead fieldAead() throws GeneralSecurityException {
        return fieldEncryption.getPrimitive(RegistryConfiguration.get(), Aead.class);
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
        return fieldEncryption.getPrimary().getId();
    }
}
