package com.certportal.support;

import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * One visitor's browser as MockMvc drives it: the cookies each answer sets go with the next request.
 * Sessions live in the database (Spring Session JDBC, issue 10), not in a MockHttpSession, so what a
 * session holds is read from there.
 */
public final class BrowserSession {

    private final JdbcIndexedSessionRepository sessions;
    private final CookieSerializer cookies;
    private final Map<String, String> jar = new LinkedHashMap<>();

    private BrowserSession(JdbcIndexedSessionRepository sessions, CookieSerializer cookies) {
        this.sessions = sessions;
        this.cookies = cookies;
    }

    /** Sends the request with the cookies kept so far and keeps those the answer sets or clears. */
    public MvcTestResult exchange(MockMvcRequestBuilder request) {
        if (!jar.isEmpty()) {
            request.cookie(jarCookies());
        }
        MvcTestResult result = request.exchange();
        for (Cookie set : result.getResponse().getCookies()) {
            if (set.getMaxAge() == 0) {
                jar.remove(set.getName());
            } else {
                jar.put(set.getName(), set.getValue());
            }
        }
        return result;
    }

    /** Whether the session this browser's cookie names still exists. */
    public boolean isLive() {
        return sessionId() != null && sessions.findById(sessionId()) != null;
    }

    /** What the session holds under {@code name}, as stored in the database. */
    public Object attribute(String name) {
        String id = sessionId();
        Session session = id == null ? null : sessions.findById(id);
        if (session == null) {
            throw new AssertionError("no live session for the cookies " + jar);
        }
        return session.getAttribute(name);
    }

    /** The id of the session the browser's cookie names (read as the portal reads it), or null. */
    public String sessionId() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (!jar.isEmpty()) {
            request.setCookies(jarCookies());
        }
        List<String> ids = cookies.readCookieValues(request);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private Cookie[] jarCookies() {
        return jar.entrySet().stream()
                .map(cookie -> new Cookie(cookie.getKey(), cookie.getValue()))
                .toArray(Cookie[]::new);
    }

    /** Makes {@link BrowserSession}s for the tests of the shared context. */
    @TestComponent
    public static class Factory {

        private final JdbcIndexedSessionRepository sessions;
        private final CookieSerializer cookies;

        Factory(JdbcIndexedSessionRepository sessions, CookieSerializer cookies) {
            this.sessions = sessions;
            this.cookies = cookies;
        }

        /** A new visitor: a browser without cookies. */
        public BrowserSession newVisitor() {
            return new BrowserSession(sessions, cookies);
        }
    }
}
