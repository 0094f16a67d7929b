package org.kinlink.files.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Supplier;
import org.kinlink.InvalidInput;
import org.kinlink.RecordNotFound;
import org.kinlink.files.StoredFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * Download links for stored files. The link's URL is Vaadin's opaque resource address (no name, id
 * or other personal data in it, D4); the content comes from the owner's supplier (its access check
 * and audited read) only when the link is used, and is served as an attachment with the sanitised
 * original name and {@code nosniff} (I2).
 */
public final class FileDownloads {

    private static final Logger log = LoggerFactory.getLogger(FileDownloads.class);

    private FileDownloads() {}

    /** A link showing the file's name and size that downloads it through {@code content}. */
    public static Anchor link(StoredFile file, Supplier<byte[]> content) {
        var anchor = new Anchor(handler(file, content), file.originalName() + " (" + size(file.size()) + ")");
        anchor.getElement().setAttribute("download", true);
        anchor.addClassName("kl-attachment-link");
        return anchor;
    }

    /** The handler that serves {@code file} as an attachment, for components other than a link. */
    public static DownloadHandler handler(StoredFile file, Supplier<byte[]> content) {
        return (DownloadEvent event) -> {
            byte[] bytes;
            try {
                bytes = content.get();
            } catch (RecordNotFound | AccessDeniedException refused) {
                // the owner has audited the refusal; the browser gets "not found", nothing else
                event.getResponse().setStatus(404);
                return;
            } catch (InvalidInput refused) {
                // for example a reason the owner requires and the link was not given
                event.getResponse().setStatus(400);
                return;
            } catch (RuntimeException failed) {
                log.warn(
                        "Download of stored file {} failed: {}",
                        file.id().value(),
                        failed.getClass().getName());
                event.getResponse().setStatus(500);
                return;
            }
            event.setFileName(file.originalName());
            event.setContentType(file.mediaType());
            event.setContentLength(bytes.length);
            event.getResponse().setHeader("X-Content-Type-Options", "nosniff");
            event.getResponse().setHeader("Cache-Control", "no-store");
            try (var out = event.getOutputStream()) {
                out.write(bytes);
            } catch (IOException e) {
                log.debug("Download of stored file {} interrupted", file.id().value());
            }
        };
    }

    /** A human size: bytes, KB or MB. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
