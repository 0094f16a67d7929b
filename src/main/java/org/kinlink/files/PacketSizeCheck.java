package org.kinlink.files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * A stored file travels to MariaDB in one packet: a server whose {@code max_allowed_packet} is
 * smaller than the largest accepted upload would refuse big attachments only when someone uploads
 * one. Say so once at start-up, with the setting to change, instead.
 */
@Component
class PacketSizeCheck {

    private static final Logger log = LoggerFactory.getLogger(PacketSizeCheck.class);
    /** Encryption (key id, nonce, tag) and the rest of the INSERT statement. */
    private static final long OVERHEAD = 64 * 1024;

    private final JdbcTemplate jdbc;
    private final long maxSize;

    PacketSizeCheck(JdbcTemplate jdbc, @Value("${kinlink.files.max-size:20MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.maxSize = maxSize.toBytes();
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        Long packet = jdbc.queryForObject("SELECT @@max_allowed_packet", Long.class);
        if (packet != null && packet < maxSize + OVERHEAD) {
            log.warn(
                    "The database's max_allowed_packet ({} bytes) is smaller than the largest accepted attachment"
                            + " (kinlink.files.max-size = {} bytes): set max_allowed_packet=64M on the server"
                            + " or lower kinlink.files.max-size, or large uploads will fail.",
                    packet,
                    maxSize);
        }
    }
}
