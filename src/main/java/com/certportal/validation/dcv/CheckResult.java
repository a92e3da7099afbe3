package com.certportal.validation.dcv;

import java.util.List;
import java.util.Objects;

/**
 * What one HTTP file or DNS TXT check found (V1). {@code outcomeKey} is one of {@link #OUTCOMES}; the
 * page shows the message {@link #messageKey()}, and the flow may store the short key.
 */
public record CheckResult(boolean passed, String outcomeKey) {

    public static final String PASSED = "passed";
    /** No file (404 or any status other than 200, redirects included), or no TXT record at the name. */
    public static final String NOT_FOUND = "not-found";
    /** The file or a TXT record is there but does not hold the token. */
    public static final String WRONG_CONTENT = "wrong-content";
    /** The name does not resolve, the connection is refused, or the DNS server fails to answer. */
    public static final String UNREACHABLE = "unreachable";
    /** The server did not connect or answer within the configured time. */
    public static final String TIMEOUT = "timeout";

    public static final List<String> OUTCOMES = List.of(PASSED, NOT_FOUND, WRONG_CONTENT, UNREACHABLE, TIMEOUT);

    private static final String MESSAGE_PREFIX = "validation.check.";

    public CheckResult {
        Objects.requireNonNull(outcomeKey, "outcomeKey");
        if (!OUTCOMES.contains(outcomeKey)) {
            throw new IllegalArgumentException("unknown check outcome: " + outcomeKey);
        }
        if (passed != PASSED.equals(outcomeKey)) {
            throw new IllegalArgumentException("passed=" + passed + " contradicts outcome " + outcomeKey);
        }
    }

    public static CheckResult pass() {
        return new CheckResult(true, PASSED);
    }

    public static CheckResult fail(String outcomeKey) {
        return new CheckResult(false, outcomeKey);
    }

    /** The message bundle key for the page: {@code validation.check.} + the outcome. */
    public String messageKey() {
        return MESSAGE_PREFIX + outcomeKey;
    }
}
