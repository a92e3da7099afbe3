package com.certportal.web;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Filters that run before everything else (Spring Security included), on requests and on the error
 * pages rendered for them, right after the character encoding is set.
 */
@Configuration(proxyBeanMethods = false)
class WebFilters {

    @Bean
    FilterRegistrationBean<ClientMistakesFilter> clientMistakesFilter() {
        FilterRegistrationBean<ClientMistakesFilter> registration =
                new FilterRegistrationBean<>(new ClientMistakesFilter("/error"));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    @Bean
    FilterRegistrationBean<LanguageCookieFilter> languageCookieFilter() {
        FilterRegistrationBean<LanguageCookieFilter> registration =
                new FilterRegistrationBean<>(new LanguageCookieFilter(LocaleConfiguration.COOKIE));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }
}
