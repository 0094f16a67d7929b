package org.kinlink.access;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads users for sign-in. Hashes made with weaker parameters than today's are re-hashed at the
 * next successful sign-in ({@link UserDetailsPasswordService}).
 */
@Service
class KinlinkUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final UserAccountRepository users;

    KinlinkUserDetailsService(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username)
                .map(KinlinkUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        UserAccount account = users.findByUsername(user.getUsername())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        account.upgradePasswordHash(newPassword);
        return new KinlinkUser(account);
    }
}
