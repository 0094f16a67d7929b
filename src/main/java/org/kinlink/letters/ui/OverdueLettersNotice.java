package org.kinlink.letters.ui;

import java.util.Optional;
import org.kinlink.Roles;
import org.kinlink.access.CurrentUser;
import org.kinlink.letters.Letters;
import org.kinlink.shell.StartNotice;
import org.springframework.stereotype.Component;

/** Reminds coordinators at sign-in of letters whose answer is overdue. */
@Component
class OverdueLettersNotice implements StartNotice {

    private final Letters letters;
    private final CurrentUser currentUser;

    OverdueLettersNotice(Letters letters, CurrentUser currentUser) {
        this.letters = letters;
        this.currentUser = currentUser;
    }

    @Override
    public Optional<Message> forCurrentUser() {
        if (currentUser.get().filter(u -> u.hasRole(Roles.COORDINATOR)).isEmpty()) {
            return Optional.empty();
        }
        long overdue = letters.overdueCount();
        return overdue == 0
                ? Optional.empty()
                : Optional.of(new Message("letters.overdue-reminder", new Object[] {overdue}, "letters"));
    }
}
