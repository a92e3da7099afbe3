package com.certportal.order;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * L4, issue 10: a place in the sorted list, as a link carries it: the sort key of an order (or
 * "none", for orders without one) and its id. The next page starts after it, the previous ends before
 * it, so a page costs the same however deep it is (no offset to skip).
 */
public record ListCursor(Instant key, long id) {

    private static final Pattern FORMAT = Pattern.compile("(-|[0-9]{1,12}\\.[0-9]{1,9})_([0-9]{1,18})");

    /** The cursor's text in a URL: `1764000000.123456000_42`, or `-_42` for an order without a key. */
    public String token() {
        return (key == null ? "-" : key.getEpochSecond() + "." + key.getNano()) + "_" + id;
    }

    public static Optional<ListCursor> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(token);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Instant key = null;
        if (!matcher.group(1).equals("-")) {
            String[] parts = matcher.group(1).split("\\.");
            key = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        }
        return Optional.of(new ListCursor(key, Long.parseLong(matcher.group(2))));
    }

    static ListCursor of(CertificateOrder order, OrderSort sort) {
        Instant key = switch (sort) {
            case PLACED -> order.getCreatedAt();
            case FIRST_ISSUED -> order.getFirstIssuedAt();
            case EXPIRY -> order.getExpiresAt();
        };
        return new ListCursor(key, order.getId());
    }
}
