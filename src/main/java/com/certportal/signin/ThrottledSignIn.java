package com.certportal.signin;

import com.certportal.account.CurrentMember;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The sign-in form's check (M3): the password is checked as usual, but only when the throttle lets the
 * attempt through. Whatever goes wrong (a throttled attempt, a wrong password, an unknown or deactivated
 * member), the answer is the same "bad credentials". The client address is the request's remote
 * address: behind a proxy, Tomcat's RemoteIpValve puts the client's there (server.forward-headers-strategy).
 */
@Component
class ThrottledSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledSignIn(UserDetailsService members, PasswordEncoder passwordEncoder, SignInThrottle throttle)
            throws Exception {
        this.passwords = new DaoAuthenticationProvider(members);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.passwords.afterPropertiesSet();
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        SignInThrottle.Attempt attempt = throttle.begin(authentication.getName(), clientAddress(authentication));
        if (!attempt.allowed()) {
            throw badCredentials();
        }
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(authentication);
        } catch (AuthenticationException refused) {
            throttle.failed(attempt);
            throw badCredentials();
        }
        throttle.succeeded(attempt, ((CurrentMember) signedIn.getPrincipal()).memberId());
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
    }

    private static BadCredentialsException badCredentials() {
        return new BadCredentialsException("Bad credentials");
    }
}
