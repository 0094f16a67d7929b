package org.kinlink.access;

import java.time.Clock;
import java.util.Set;
import org.kinlink.Roles;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * There is no default account. On the first start with no users, one administrator ({@code
 * admin}) is created with {@code KINLINK_ADMIN_PASSWORD} or a random password printed once to the
 * log; either way it must be changed at the first sign-in.
 */
@Component
@Order(100)
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    static final String USERNAME = "admin";

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final Clock clock;
    private final String suppliedPassword;

    BootstrapAdmin(
            UserAccountRepository users,
            PasswordEncoder passwordEncoder,
            AuditTrail audit,
            Clock clock,
            @Value("${kinlink.bootstrap-admin-password:}") String suppliedPassword) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
        this.suppliedPassword = suppliedPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        boolean generated = suppliedPassword.isBlank();
        String password = generated ? Passwords.random() : suppliedPassword;
        var admin = new UserAccount(USERNAME, "Administrator", passwordEncoder.encode(password), clock.instant());
        admin.setPasswordHash(admin.passwordHash(), true, clock.instant());
        admin.setRoles(Set.of(Roles.ADMIN));
        users.save(admin);
        audit.record(AuditEntry.success("BOOTSTRAP_ADMIN_CREATED", "USER", admin.id())
                .by(null, "system"));
        if (generated) {
            log.warn("""

                    ==================================================================
                     First start: created the administrator account.
                       username: {}
                       password: {}
                     This password is shown only now. Sign in and choose a new one.
                    ==================================================================""", USERNAME, password);
        } else {
            log.warn(
                    "First start: created the administrator account '{}' with KINLINK_ADMIN_PASSWORD; "
                            + "it must be changed at the first sign-in.",
                    USERNAME);
        }
    }
}
