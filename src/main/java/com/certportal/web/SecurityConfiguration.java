package com.certportal.web;

import com.certportal.account.CurrentMember;
import com.certportal.account.Role;
import com.certportal.audit.AuditTrail;
import com.certportal.pki.web.OcspGetFirewall;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain portal(HttpSecurity http, AuditTrail trail, Clock clock) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                "/css/**",
                                "/js/**",
                                "/favicon.svg",
                                "/favicon.ico",
                                "/error",
                                "/actuator/health/**",
                                // V1: whoever holds an approver mailbox opens the link without an account.
                                "/dcv/**",
                                // D2: CA certificates, CRLs and OCSP are public, for relying parties.
                                "/pki/**")
                        .permitAll()
                        .requestMatchers("/settings", "/settings/**")
                        .authenticated()
                        // V2: the CA's operations area belongs to its validation agents, and only to them.
                        .requestMatchers("/operations/**")
                        .hasRole(Role.VALIDATION_AGENT.name())
                        .requestMatchers("/refunds/**")
                        .hasAnyRole("FINANCE_MANAGER", "ADMINISTRATOR")
                        // Every other page is a customer's: an agent acting there is refused.
                        .anyRequest()
                        .hasAnyRole(CUSTOMER_ROLES))
                // D2: an OCSP client posts its request without a session or a token; the answer changes nothing.
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/pki/ocsp/**")))
                // L1: sign-in leads to the order list (an agent to its queue), or back to the bookmarked
                // page that asked for it.
                .formLogin(login -> login.loginPage("/login").successHandler(new RoleLandingPage()))
                .logout(logout -> logout.logoutSuccessUrl("/login?signed-out"))
                // L4: a bookmarked URL comes back as it was after sign-in, without "?continue".
                .requestCache(cache -> cache.requestCache(bookmarkableRequestCache()))
                .exceptionHandling(errors -> errors.accessDeniedHandler(new AuditedAccessDeniedHandler(trail, clock)));
        return http.build();
    }

    private static final String[] CUSTOMER_ROLES = Arrays.stream(Role.values())
            .filter(Role::isCustomer)
            .map(Role::name)
            .toArray(String[]::new);

    /** L1, V2: where a member lands after signing in when no bookmarked page asked for it. */
    static final class RoleLandingPage extends SavedRequestAwareAuthenticationSuccessHandler {

        RoleLandingPage() {
            setDefaultTargetUrl("/orders");
            setRequestCache(bookmarkableRequestCache());
        }

        @Override
        protected String determineTargetUrl(
                HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
            if (authentication.getPrincipal() instanceof CurrentMember member
                    && !member.role().isCustomer()) {
                return "/operations/validations";
            }
            return super.determineTargetUrl(request, response, authentication);
        }
    }

    private static HttpSessionRequestCache bookmarkableRequestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    /** D2: the strict firewall, which lets an OCSP GET's URL-encoded base64 request through (RFC 6960 A.1). */
    @Bean
    HttpFirewall firewall() {
        return new OcspGetFirewall();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
