package com.certportal.web;

import com.certportal.account.ActiveMembers;
import com.certportal.audit.AuditTrail;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Issue 9, finding 3: scripts, styles and images from the portal itself only, no inline script or
     * style (none is left in the templates), no plugins, forms post only here, and no framing.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    /** The portal uses none of these browser features; nothing it embeds may either. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(),"
            + " magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()";

    @Bean
    SecurityFilterChain portal(HttpSecurity http, AuditTrail trail, Clock clock, ActiveMembers members)
            throws Exception {
        HttpSessionRequestCache requestCache = bookmarkableRequestCache();
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                "/css/**",
                                "/js/**",
                                "/favicon.svg",
                                "/favicon.ico",
                                "/error",
                                "/actuator/health/**",
                                // M1: an invitation's link is used before its member exists.
                                "/invitations/*")
                        .permitAll()
                        .requestMatchers("/refunds/**", "/refunds.csv")
                        .hasAnyRole("FINANCE_MANAGER", "ADMINISTRATOR")
                        .requestMatchers("/mail/**", "/account/members", "/account/members/**")
                        .hasRole("ADMINISTRATOR")
                        .anyRequest()
                        .authenticated())
                // L1: sign-in leads to the order list, or back to the bookmarked page that asked for it.
                .formLogin(login -> login.loginPage("/login")
                        .successHandler(backToTheBookmark(requestCache))
                        .failureHandler(new SignInFailures()))
                .logout(logout -> logout.logoutSuccessHandler(signedOut()))
                // L4: a bookmarked URL comes back as it was after sign-in, without "?continue".
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(errors -> errors.accessDeniedHandler(new AuditedAccessDeniedHandler(trail, clock)))
                .addFilterBefore(new MemberSessionFilter(members), AuthorizationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
        return http.build();
    }

    private static HttpSessionRequestCache bookmarkableRequestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    private static SavedRequestAwareAuthenticationSuccessHandler backToTheBookmark(HttpSessionRequestCache cache) {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
        handler.setDefaultTargetUrl("/orders");
        handler.setRequestCache(cache);
        handler.setRedirectStrategy(new RelativeRedirects());
        return handler;
    }

    private static SimpleUrlLogoutSuccessHandler signedOut() {
        SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
        handler.setDefaultTargetUrl("/login?signed-out");
        handler.setRedirectStrategy(new RelativeRedirects());
        return handler;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
