package com.certportal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.util.UrlUtils;

/**
 * Issue 9, finding 3: a redirect never names a host. Spring Security builds the way back to a bookmarked
 * page from the request's Host header, which the client chose; this sends only its path and query, so a
 * forged Host cannot send a member elsewhere (Tomcat keeps relative locations relative, see
 * server.tomcat.use-relative-redirects).
 */
final class RelativeRedirects implements RedirectStrategy {

    @Override
    public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
        response.sendRedirect(response.encodeRedirectURL(relative(request.getContextPath(), url)));
    }

    /** The path and query of {@code url}, under this application, starting with exactly one slash. */
    static String relative(String contextPath, String url) {
        String path;
        if (UrlUtils.isAbsoluteUrl(url) || url.startsWith("//")) {
            int authority = url.indexOf("//");
            int slash = url.indexOf('/', authority + 2);
            path = slash < 0 ? "/" : url.substring(slash);
        } else {
            path = contextPath + (url.startsWith("/") ? "" : "/") + url;
        }
        // "//host/..." (or "/\\host", as browsers read it) would name another host: one slash only.
        return "/" + path.replaceFirst("^[/\\\\]+", "");
    }
}
