package com.certportal.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * Issue 9, finding 1: the language cookie is the browser's to send back, and anything may come back
 * (`certportal-lang=%3C`, `ja%0d`). A value the portal never writes is ignored, so the page is shown in
 * the browser's language, and cleared, so the browser stops sending it. It is never a server error.
 */
class LanguageCookieFilter extends HttpFilter {

    /** What {@link LocaleConfiguration} writes: a language tag of Japanese or English. */
    private static final Pattern VALID = Pattern.compile("(ja|en)(-[A-Za-z0-9]{1,8}){0,3}");

    private final String cookieName;

    LanguageCookieFilter(String cookieName) {
        this.cookieName = cookieName;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!sentInvalid(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            response.addHeader(
                    HttpHeaders.SET_COOKIE,
                    ResponseCookie.from(cookieName, "")
                            .path("/")
                            .maxAge(0)
                            .build()
                            .toString());
        }
        chain.doFilter(new WithoutLanguageCookie(request), response);
    }

    /**
     * Read from the raw header: the server's cookie parser drops some malformed cookies silently, and
     * those must be cleared too.
     */
    private boolean sentInvalid(HttpServletRequest request) {
        for (String header : Collections.list(request.getHeaders(HttpHeaders.COOKIE))) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0
                        && pair.substring(0, equals).strip().equals(cookieName)
                        && !VALID.matcher(pair.substring(equals + 1).strip()).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The request as if the browser had sent no language cookie: the browser's language decides. */
    private final class WithoutLanguageCookie extends HttpServletRequestWrapper {

        WithoutLanguageCookie(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Cookie[] getCookies() {
            Cookie[] cookies = super.getCookies();
            if (cookies == null) {
                return null;
            }
            Cookie[] kept = Arrays.stream(cookies)
                    .filter(c -> !c.getName().equals(cookieName))
                    .toArray(Cookie[]::new);
            return kept.length == 0 ? null : kept;
        }
    }
}
