package com.certportal.web;

import com.certportal.database.DatabaseAvailability;
import com.certportal.database.DatabaseFailures;
import com.certportal.database.OneWaitPerRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Issue 10: while the database cannot be used (gone, cut off, out of connections), a page answers 503
 * with a translated "temporarily unavailable" page, as soon as the pool gives up, instead of a generic
 * error page with an error and a stack trace in the log for each request; {@link DatabaseAvailability}
 * logs the outage once.
 *
 * <p>It runs before the session and security filters, so that a failure to load a session kept in the
 * database is answered the same way, and it renders the page itself rather than through the error
 * dispatch, which would pass those filters (and the database) again. Within the request, the
 * database is waited for once ({@link OneWaitPerRequest}). The page needs nothing but the
 * templates and message bundles, and shows no member: nothing about the member can be read just now.
 */
class DatabaseUnavailableFilter extends HttpFilter {

    static final String VIEW = "error/503";

    private final ObjectProvider<ThymeleafViewResolver> views;
    private final ObjectProvider<LocaleResolver> locales;
    private final ObjectProvider<DatabaseAvailability> availability;

    DatabaseUnavailableFilter(
            ObjectProvider<ThymeleafViewResolver> views,
            ObjectProvider<LocaleResolver> locales,
            ObjectProvider<DatabaseAvailability> availability) {
        this.views = views;
        this.locales = locales;
        this.availability = availability;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try (OneWaitPerRequest.Scope scope = OneWaitPerRequest.request()) {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!DatabaseFailures.isUnavailability(failure)) {
                throw failure;
            }
            availability.getObject().unavailable(failure);
            if (!response.isCommitted()) {
                // Headers already written (the security headers among them) stay; a half-written page goes.
                response.resetBuffer();
                answerUnavailable(request, response);
            }
        }
    }

    private void answerUnavailable(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Cache-Control", "no-store");
        if (!response.containsHeader("Content-Security-Policy")) {
            response.setHeader("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
            response.setHeader("X-Content-Type-Options", "nosniff");
        }
        Locale language = language(request);
        RequestAttributes outerRequest = RequestContextHolder.getRequestAttributes();
        Locale outerLocale = LocaleContextHolder.getLocale();
        try {
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));
            LocaleContextHolder.setLocale(language);
            request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, new FixedLocaleResolver(language));
            View view = views.getObject().resolveViewName(VIEW, language);
            view.render(Map.of(), request, response);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        } finally {
            request.removeAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE);
            LocaleContextHolder.setLocale(outerLocale);
            RequestContextHolder.setRequestAttributes(outerRequest);
        }
    }

    /** As every page chooses it: {@code ?lang=}, else the language cookie, else the browser's. */
    private Locale language(HttpServletRequest request) {
        String asked = request.getParameter("lang");
        if (asked != null && !asked.isBlank()) {
            return LocaleConfiguration.supported(Locale.forLanguageTag(asked));
        }
        return LocaleConfiguration.supported(locales.getObject().resolveLocale(request));
    }
}
