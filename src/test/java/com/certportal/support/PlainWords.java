package com.certportal.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 9, finding 7: what a customer must never read, in a page or a message: the rule book's ids
 * ("(P3)", "R4"), which belong to code and tests, and the code's own words ("refund routing",
 * "outbox", a configuration key such as spring.mail.host, an enum name such as contract_voided).
 */
public final class PlainWords {

    /** A rule id of RULES.md standing alone: a section letter and a number, not part of a longer word. */
    private static final Pattern RULE_ID =
            Pattern.compile("(?<![\\p{Alnum}])[ACDGIKLMOPRTV][1-9][0-9]?(?![\\p{Alnum}])");

    private static final Pattern CODE_WORD = Pattern.compile(
            "(?i)(?<![\\p{Alnum}])(rout(?:e|es|ed|ing)|outbox|spring\\.[a-z.-]+|[a-z]+_[a-z_]+)(?![\\p{Alnum}])");

    /** Certificate data a page shows as it is (PEM, colon-separated hex): not prose, never read as words. */
    private static final Pattern CERTIFICATE_DATA = Pattern.compile(
            "(?s)-----BEGIN [A-Z0-9 ]+-----.*?-----END [A-Z0-9 ]+-----|\\b[0-9A-F]{2}(?::[0-9A-F]{2})+\\b");

    private PlainWords() {}

    /** Fails naming the rule ids and code words {@code text} shows (the text a reader sees of {@code where}). */
    public static void assertPlain(String text, String where) {
        assertThat(notPlain(text))
                .as("rule ids or the code's words on %s:%n%s", where, text)
                .isEmpty();
    }

    /** The rule ids and code words in {@code text}, in order; empty when a customer may read it. */
    public static List<String> notPlain(String text) {
        String prose = CERTIFICATE_DATA.matcher(text).replaceAll(" ");
        List<String> found = new ArrayList<>();
        for (Pattern pattern : List.of(RULE_ID, CODE_WORD)) {
            Matcher matcher = pattern.matcher(prose);
            while (matcher.find()) {
                found.add(matcher.group());
            }
        }
        return found;
    }
}
