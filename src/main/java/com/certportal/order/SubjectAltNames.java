package com.certportal.order;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * SANs are stored as one lower-case, newline-separated column, so that "search any SAN" is one
 * indexed substring match (a trigram index on PostgreSQL) and a list page needs no query per row.
 * A search term never contains a newline, so it cannot match across two names.
 */
final class SubjectAltNames {

    private static final String SEPARATOR = "\n";

    private SubjectAltNames() {}

    static String join(List<String> names) {
        return String.join(
                SEPARATOR,
                names.stream()
                        .map(n -> n.trim().toLowerCase(Locale.ROOT))
                        .filter(n -> !n.isEmpty())
                        .distinct()
                        .toList());
    }

    static List<String> split(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(stored.split(SEPARATOR));
    }
}
