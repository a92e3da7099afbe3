package com.certportal.web;

import com.certportal.account.ActiveMembers;
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
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

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

    private static final String[] CUSTOMER_ROLES = Arrays.stream(Role.values())
            .filter(Role::isCustomer)
            .map(Role::name)
            .toArray(String[]::new);

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
                                "/invitations/*",
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
                        .requestMatchers("/refunds/**", "/refunds.csv")
                        .hasAnyRole("FINANCE_MANAGER", "ADMINISTRATOR")
                        .requestMatchers("/account/members", "/account/members/**")
                        .hasRole("ADMINISTRATOR")
                        // Every other page is a customer's: an agent acting there is refused.
                        .anyRequest()
                        .hasAnyRole(CUSTOMER_ROLES))
                // D2: an OCSP client posts its request without a session or a token; the answer changes nothing.
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/pki/ocsp/**")))
                // L1: sign-in leads to the order list (an agent to its queue), or back to the bookmarked
                // page that asked for it.
                .formLogin(login -> login.loginPage("/login")
                        .successHandler(new RoleLandingPage(requestCache))
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

    /**
     * L1, V2: where a member lands after signing in: the bookmarked page that asked for sign-in, else
     * the order list (a validation agent: its queue). Redirects are relative, never built from Host.
     */
    static final class RoleLandingPage extends SavedRequestAwareAuthenticationSuccessHandler {

        RoleLandingPage(HttpSessionRequestCache requestCache) {
            setDefaultTargetUrl("/orders");
            setRequestCache(requestCache);
            setRedirectStrategy(new RelativeRedirects());
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

    private static SimpleUrlLogoutSuccessHandler signedOut() {
        SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
        handler.setDefaultTargetUrl("/login?signed-out");
        handler.setRedirectStrategy(new RelativeRedirects());
        return handler;
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
