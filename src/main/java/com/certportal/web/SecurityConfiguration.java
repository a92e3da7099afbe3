package com.certportal.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain portal(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login", "/css/**", "/js/**", "/favicon.ico", "/error", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/refunds/**")
                        .hasAnyRole("FINANCE_MANAGER", "ADMINISTRATOR")
                        .requestMatchers("/mail/**")
                        .hasRole("ADMINISTRATOR")
                        .anyRequest()
                        .authenticated())
                // L1: sign-in leads to the order list, or back to the bookmarked page that asked for it.
                .formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/orders", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?signed-out"));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
