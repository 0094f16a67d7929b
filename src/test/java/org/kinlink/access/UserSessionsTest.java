package org.kinlink.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.internal.CurrentInstance;
import jakarta.servlet.http.HttpSessionEvent;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kinlink.IntegrationTest;
import org.kinlink.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.session.SessionRegistry;

/** S3: ending another user's sessions from an administrator's request. */
@IntegrationTest
class UserSessionsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    UserSessions sessions;

    @Autowired
    SessionRegistry registry;

    @AfterEach
    void clear() {
        CurrentInstance.clearAll();
    }

    @Test
    void s3_ending_another_users_session_leaves_the_administrators_own_ui_current() {
        var user = TestAccounts.create(
                context, TestAccounts.uniqueName("ended"), "right lantern harbour", Set.of(Roles.AUDITOR), false);
        // Vaadin, when a session is invalidated, closes its UIs on the invalidating thread and
        // leaves that thread's current instances changed; this stand-in does the same
        var session = new MockHttpSession() {
            @Override
            public void invalidate() {
                CurrentInstance.clearAll();
                super.invalidate();
            }
        };
        sessions.sessionCreated(new HttpSessionEvent(session));
        registry.registerNewSession(session.getId(), user);
        var administratorsUi = new UI();
        UI.setCurrent(administratorsUi);

        sessions.end(user.id());

        assertThat(session.isInvalid()).isTrue();
        assertThat(UI.getCurrent()).isSameAs(administratorsUi);
    }
}
