package com.certportal.account;

import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class MemberDetailsService implements UserDetailsService {

    private final MemberRepository members;

    MemberDetailsService(MemberRepository members) {
        this.members = members;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        // Spring Security turns this into the same "bad credentials" answer as a wrong password,
        // so the sign-in page never tells whether an address is registered.
        // M1: a deactivated member cannot sign in; it gets the same answer as an unknown address.
        return members.findByEmail(email.trim().toLowerCase(Locale.ROOT))
                .filter(Member::isActive)
                .map(CurrentMember::new)
                .orElseThrow(() -> new UsernameNotFoundException("no such member"));
    }
}
