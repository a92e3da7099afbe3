package com.certportal.pki;

import java.util.List;

/**
 * One thing wrong with what the user sent (O2): the form field it belongs to ({@code "csr"} or
 * {@code "sans"}), a message key of the bundles and its arguments.
 */
public record Problem(String field, String messageKey, List<Object> arguments) {

    public static final String CSR = "csr";
    public static final String SANS = "sans";

    public Problem {
        arguments = List.copyOf(arguments);
    }

    static Problem of(String field, String messageKey, Object... arguments) {
        return new Problem(field, messageKey, List.of(arguments));
    }
}
