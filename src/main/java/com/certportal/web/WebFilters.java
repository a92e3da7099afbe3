package com.certportal.web;

import com.certportal.database.DatabaseAvailability;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

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

    /**
     * Issue 10: before the session filter (Spring Session's runs at HIGHEST_PRECEDENCE + 50) and the
     * security filters, so that whatever fails for want of the database is answered by it.
     */
    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(
            ObjectProvider<ThymeleafViewResolver> views,
            ObjectProvider<LocaleResolver> locales,
            ObjectProvider<DatabaseAvailability> availability) {
        FilterRegistrationBean<DatabaseUnavailableFilter> registration =
                new FilterRegistrationBean<>(new DatabaseUnavailableFilter(views, locales, availability));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }
}
