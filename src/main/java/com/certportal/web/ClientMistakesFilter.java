package com.certportal.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 9, findings 1 and 3: what a client gets wrong is answered as the client's mistake, a 4xx page,
 * and never logged as a server error.
 *
 * <ul>
 *   <li>Parameters the server cannot read (broken percent-encoding, a form body over the size limit)
 *       are a 400 (or 413), checked once here before anything else reads them; the error page is then
 *       rendered as if no parameters had been sent.
 *   <li>{@code /error} asked for directly is a page that does not exist (404); it is only the place
 *       where the server renders errors.
 * </ul>
 */
class ClientMistakesFilter extends HttpFilter {

    private static final Logger log = LoggerFactory.getLogger(ClientMistakesFilter.class);

    private final String errorPath;

    ClientMistakesFilter(String errorPath) {
        this.errorPath = errorPath;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean errorDispatch = request.getDispatcherType() == DispatcherType.ERROR;
        try {
            request.getParameterMap();
        } catch (InvalidParameterException unreadable) {
            if (errorDispatch) {
                chain.doFilter(new WithoutParameters(request), response);
            } else {
                log.debug(
                        "Unreadable parameters in {} {}: {}",
                        request.getMethod(),
                        request.getRequestURI(),
                        unreadable.getMessage());
                response.sendError(unreadable.getErrorCode() >= 400 ? unreadable.getErrorCode() : 400);
            }
            return;
        }
        if (!errorDispatch && request.getRequestURI().equals(request.getContextPath() + errorPath)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The error dispatch of a request whose parameters could not be read: it renders without them. */
    private static final class WithoutParameters extends HttpServletRequestWrapper {

        WithoutParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public String getQueryString() {
            return null;
        }
    }
}
