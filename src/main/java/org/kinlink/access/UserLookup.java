package org.kinlink.access;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a user as sign-in does, for credentials other than the password (the API's personal
 * tokens): the roles and teams as they are now, and nothing for a disabled or unknown account.
 */
@Component
public class UserLookup {

    private final UserAccountRepository users;

    UserLookup(UserAccountRepository users) {
        this.users = users;
    }

    /** The enabled user with this id, without a password hash. */
    @Transactional(readOnly = true)
    public Optional<KinlinkUser> enabledUser(long userId) {
        return users.findById(userId).filter(UserAccount::enabled).map(account -> {
            var user = new KinlinkUser(account);
            user.eraseCredentials();
            return user;
        });
    }
}
