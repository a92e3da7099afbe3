package com.certportal.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links the layout needs on every page, error pages included: "日本語 | English" links that keep the
 * page, its filters and its paging, and which section of the navigation is current.
 */
@Component("links")
public class PageLinks {

    /** The first path segment ("orders", "requests", ...), for highlighting the navigation. */
    public String section() {
        String path = request().getRequestURI();
        String[] segments = path.split("/");
        return segments.length > 1 ? segments[1] : "";
    }

    /** The path within the portal ("/settings/password"), for the navigation's finer highlights. */
    public String path() {
        HttpServletRequest request = request();
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    public String switchTo(String language) {
        HttpServletRequest request = request();
        Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = errorUri != null ? errorUri.toString() : request.getRequestURI();
        String query = errorUri != null ? null : request.getQueryString();
        return UriComponentsBuilder.fromPath(path)
                .query(query)
                .replaceQueryParam("lang", language)
                .build()
                .toUriString();
    }

    /**
     * Issue 10: where "Try again" leads from a page that could not be served: the same page for a
     * page that was asked for (GET), the order list after a form that was sent.
     */
    public String again() {
        HttpServletRequest request = request();
        if (!"GET".equals(request.getMethod())) {
            return "/orders";
        }
        Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (errorUri != null) {
            return errorUri.toString();
        }
        String path = request.getRequestURI();
        if (!path.startsWith("/") || path.startsWith("//")) {
            return "/orders";
        }
        String query = request.getQueryString();
        return path + (query == null ? "" : "?" + query);
    }

    private static HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }
}
