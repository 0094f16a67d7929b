package org.kinlink.access;

import java.util.List;
import org.kinlink.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar kinlink.jar --rotate-field-key}: rotates the field key at start-up as the
 * operator ("key-rotation-command", administrator), then the application ends (see {@code
 * KinlinkApplication.main}). Run it with the application stopped: a running node keeps its keys in
 * memory and would not know the new key. Audit events name the command as the actor.
 */
@Component
class FieldKeyRotationCommand implements ApplicationRunner {

    static final String OPTION = "rotate-field-key";
    private static final Logger log = LoggerFactory.getLogger(FieldKeyRotationCommand.class);

    private final FieldKeyRotation rotation;

    FieldKeyRotationCommand(FieldKeyRotation rotation) {
        this.rotation = rotation;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "key-rotation-command", null, List.of(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN))));
        SecurityContextHolder.setContext(context);
        try {
            FieldKeyRotation.Result result = rotation.rotate(
                    p -> log.info("Re-encrypted {} of {} values of {}", p.reEncrypted(), p.total(), p.column()));
            String message = "Field key rotated: new primary key " + Integer.toUnsignedString(result.newKeyId()) + ", "
                    + result.reEncrypted() + " values re-encrypted, "
                    + (result.retiredKeyIds().isEmpty()
                            ? "old keys kept (values still under them: run again)"
                            : "retired keys "
                                    + result.retiredKeyIds().stream()
                                            .map(Integer::toUnsignedString)
                                            .toList());
            log.info(message);
            System.out.println(message);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
