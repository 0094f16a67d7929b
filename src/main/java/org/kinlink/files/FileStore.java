package org.kinlink.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.kinlink.InvalidInput;
import org.kinlink.RecordNotFound;
import org.kinlink.access.CurrentUser;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.kinlink.crypto.FieldBinding;
import org.kinlink.crypto.FieldCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps files in the database, encrypted (I2, D1). An upload is refused when it is empty, larger
 * than {@code kinlink.files.max-size} or of a type the content does not prove harmless; the
 * uploaded name is only kept (sanitised, encrypted) as the display and download name, while the
 * row is bound by a random storage key. The store records no audit event of its own for storing
 * (the owner module records what happened); reading the content records {@code FILE_DOWNLOADED}
 * on the owner's object. Owner modules check the caller's access before they read.
 */
@Service
public class FileStore {

    static final String TABLE = "stored_file";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final FileTypes types;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;
    private final long maxSize;

    FileStore(
            JdbcClient jdbc,
            FieldCipher cipher,
            FileTypes types,
            CurrentUser currentUser,
            AuditTrail audit,
            Clock clock,
            @Value("${kinlink.files.max-size:20MB}") org.springframework.util.unit.DataSize maxSize) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.types = types;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.maxSize = maxSize.toBytes();
    }

    /** The largest upload accepted, in bytes. */
    @PreAuthorize("isAuthenticated()")
    public long maxSize() {
        return maxSize;
    }

    /**
     * Stores an upload. Reads at most {@code max-size + 1} bytes; refuses ({@link InvalidInput} on
     * {@code file}) an empty file, a larger one, or a type not allowed by its content.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public StoredFile store(String originalName, InputStream content) {
        byte[] bytes;
        try {
            bytes = content.readNBytes(Math.toIntExact(Math.min(Integer.MAX_VALUE - 16, maxSize + 1)));
        } catch (IOException e) {
            throw new InvalidInput("file", "files.unreadable");
        }
        if (bytes.length == 0) {
            throw new InvalidInput("file", "files.empty");
        }
        if (bytes.length > maxSize) {
            throw new InvalidInput("file", "files.too-big", maxSize / (1024 * 1024));
        }
        String name = FileNames.sanitise(originalName);
        String mediaType = types.detect(bytes, name);
        if (!FileTypes.ALLOWED.contains(mediaType)) {
            throw new InvalidInput("file", "files.type-not-allowed");
        }
        return insert(name, mediaType, bytes);
    }

    /** Stores a file the application made itself (a letter PDF): its declared type is trusted. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public StoredFile storeGenerated(String name, String mediaType, byte[] content) {
        if (mediaType.isBlank() || mediaType.length() > 100) {
            throw new IllegalArgumentException("a media type is required");
        }
        return insert(FileNames.sanitise(name), mediaType, content);
    }

    /** What is known about a file, without its content. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public StoredFile describe(StoredFileId id) {
        return jdbc.sql("SELECT id, storage_key, original_name_enc, media_type, size_bytes, created_at FROM " + TABLE
                        + " WHERE id = ?")
                .param(id.value())
                .query((rs, n) -> new StoredFile(
                        new StoredFileId(rs.getLong(1)),
                        nameOf(rs.getString(2), rs.getString(3)),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getObject(6, LocalDateTime.class).toInstant(ZoneOffset.UTC)))
                .optional()
                .orElseThrow(() -> new RecordNotFound("File"));
    }

    /**
     * What is known about a file that the signed-in user stored and that no record holds yet (a
     * file just uploaded in a dialog), so that an owner module never attaches someone else's file
     * by its id.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public StoredFile describeOwnUpload(StoredFileId id) {
        Long storedBy = jdbc.sql("SELECT created_by FROM " + TABLE + " WHERE id = ?")
                .param(id.value())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new RecordNotFound("File"));
        if (storedBy != currentUser.require().id()) {
            throw new RecordNotFound("File");
        }
        return describe(id);
    }

    /**
     * Decrypts the content and records {@code FILE_DOWNLOADED} on the owner's object, in the same
     * transaction. The caller has checked access to {@code objectType}/{@code objectId}.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public byte[] read(StoredFileId id, String objectType, String objectId) {
        List<byte[]> found = jdbc.sql("SELECT storage_key, content_enc, sha256 FROM " + TABLE + " WHERE id = ?")
                .param(id.value())
                .query((rs, n) -> {
                    byte[] plain = cipher.decryptBytes(rs.getBytes(2), binding(rs.getString(1)));
                    if (!sha256(plain).equals(rs.getString(3))) {
                        throw new IllegalStateException("Stored file " + id.value() + " does not match its hash");
                    }
                    return plain;
                })
                .list();
        if (found.isEmpty()) {
            throw new RecordNotFound("File");
        }
        audit.record(AuditEntry.success("FILE_DOWNLOADED", objectType, objectId).because("file " + id.value()));
        return found.get(0);
    }

    private StoredFile insert(String name, String mediaType, byte[] content) {
        String storageKey = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO " + TABLE
                        + " (storage_key, original_name_enc, media_type, size_bytes, sha256, content_enc, created_at,"
                        + " created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        storageKey,
                        cipher.encrypt(name, new FieldBinding(TABLE, "original_name_enc", storageKey)),
                        mediaType,
                        (long) content.length,
                        sha256(content),
                        cipher.encryptBytes(content, binding(storageKey)),
                        LocalDateTime.ofInstant(now, ZoneOffset.UTC),
                        currentUser.require().id())
                .update(keys, "id");
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("No id for the stored file");
        }
        return new StoredFile(new StoredFileId(id.longValue()), name, mediaType, content.length, now);
    }

    private String nameOf(String storageKey, String nameEnc) {
        String name = cipher.decrypt(nameEnc, new FieldBinding(TABLE, "original_name_enc", storageKey));
        return name == null ? FileNames.FALLBACK : name;
    }

    static FieldBinding binding(String storageKey) {
        return new FieldBinding(TABLE, "content_enc", storageKey);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
