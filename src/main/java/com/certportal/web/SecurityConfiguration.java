package com.certportal.web;

import com.certportal.audit.AuditTrail;
import com.certportal.pki.web.OcspGetFirewall;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
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
                                // D2: CA certificates, CRLs and OCSP are public, for relying parties.
                                "/pki/**")
                        .permitAll()
                        .requestMatchers("/refunds/**")
                        .hasAnyRole("FINANCE_MANAGER", "ADMINISTRATOR")
                        .requestMatchers("/mail/**")
                        .hasRole("ADMINISTRATOR")
                        .anyRequest()
                        .authenticated())
                // D2: an OCSP client posts its request without a session or a token; the answer changes nothing.
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/pki/ocsp/**")))
                // L1: sign-in leads to the order list, or back to the bookmarked page that asked for it.
                .formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/orders", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?signed-out"))
                // L4: a bookmarked URL comes back as it was after sign-in, without "?continue".
                .requestCache(cache -> cache.requestCache(bookmarkableRequestCache()))
                .exceptionHandling(errors -> errors.accessDeniedHandler(new AuditedAccessDeniedHandler(trail, clock)));
        return http.build();
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
