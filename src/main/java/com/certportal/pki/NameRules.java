package com.certportal.pki;

import com.certportal.catalog.Product;
import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * O2: what a DNS name in a certificate may look like. One name, one verdict: the first rule it
 * breaks, so that the user sees one clear message per name.
 */
final class NameRules {

    static final int MAX_NAME_LENGTH = 253;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final String A_LABEL_PREFIX = "xn--";

    private NameRules() {}

    /** Lower-cased with ASCII rules (upper case is accepted, never refused). */
    static String normalize(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /** The first rule {@code name} (already normalized) breaks for {@code product}, if any. */
    static Optional<Problem> check(String name, Product product, String field) {
        if (name.isEmpty()) {
            return problem(field, "csr.name-invalid", name);
        }
        if (!isAscii(name)) {
            return unicode(name, field);
        }
        String unbracketed = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
        if (InetAddresses.isInetAddress(unbracketed)) {
            return problem(field, "csr.name-ip-address", name);
        }
        if (name.indexOf('_') >= 0) {
            return problem(field, "csr.name-underscore", name);
        }
        String base = name;
        boolean wildcard = name.indexOf('*') >= 0;
        if (wildcard) {
            // A wildcard is the whole leftmost label and nothing else.
            if (!name.startsWith("*.") || name.indexOf('*', 1) >= 0) {
                return problem(field, "csr.name-wildcard-position", name);
            }
            if (product.validation() == Product.Validation.EV) {
                return problem(field, "csr.name-wildcard-ev", name);
            }
            base = name.substring(2);
        }
        if (!isDnsSyntax(base)) {
            return problem(field, "csr.name-invalid", name);
        }
        if (wildcard && base.indexOf('.') < 0) {
            return problem(field, "csr.name-wildcard-tld", name);
        }
        if (product == Product.PRIVATE) {
            // Private certificates are for internal names: single labels, .local, .corp, ...
            return Optional.empty();
        }
        InternetDomainName domain;
        try {
            domain = InternetDomainName.from(base);
        } catch (IllegalArgumentException notADomain) {
            return problem(field, "csr.name-invalid", name);
        }
        if (!domain.hasPublicSuffix()) {
            return problem(field, "csr.name-internal", name);
        }
        if (!domain.isUnderPublicSuffix()) {
            // "com", "co.jp", "*.co.jp": a suffix itself is nobody's to validate (V1).
            return problem(field, "csr.name-public-suffix", name);
        }
        return Optional.empty();
    }

    /** Labels of 1-63 letters, digits and hyphens, no hyphen at either end, 253 characters at most. */
    static boolean isDnsSyntax(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
            if (label.startsWith(A_LABEL_PREFIX) && !isValidALabel(label)) {
                return false;
            }
        }
        return true;
    }

    /** An xn-- label must decode to Unicode and encode back to itself. */
    private static boolean isValidALabel(String label) {
        String unicode = IDN.toUnicode(label);
        if (unicode.equals(label)) {
            return false;
        }
        try {
            return IDN.toASCII(unicode).equalsIgnoreCase(label);
        } catch (IllegalArgumentException notConvertible) {
            return false;
        }
    }

    /** O2: names go in A-label form; tell the user the form to use when Java can convert it. */
    private static Optional<Problem> unicode(String name, String field) {
        try {
            String aLabel = IDN.toASCII(name).toLowerCase(Locale.ROOT);
            if (!aLabel.equals(name) && isAscii(aLabel)) {
                return problem(field, "csr.name-unicode", name, aLabel);
            }
        } catch (IllegalArgumentException notConvertible) {
            // falls through to the message without a suggestion
        }
        return problem(field, "csr.name-unicode-unconvertible", name);
    }

    private static boolean isAscii(String name) {
        return name.chars().allMatch(c -> c < 0x80);
    }

    private static Optional<Problem> problem(String field, String key, Object... arguments) {
        return Optional.of(Problem.of(field, key, arguments));
    }
}
