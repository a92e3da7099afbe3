package com.certportal.validation.dcv;

import com.google.common.net.InternetDomainName;
import java.util.List;
import java.util.Objects;

/**
 * V1 email method: the constructed addresses (Baseline Requirements 3.2.2.4.4) of a name's
 * registrable domain.
 *
 * <p>The registrable domain is read from the ICANN section of the Public Suffix List only
 * ({@link InternetDomainName#topDomainUnderRegistrySuffix()}), as the Baseline Requirements do for
 * their base domain names (3.2.2.6): {@code foo.github.io} asks {@code github.io}, the domain's
 * registrant, and never a mailbox under a suffix that a hosting company hands out to its users.
 */
public final class ApproverEmails {

    /** The order the addresses are offered in, as the rule book lists them (V1). */
    private static final List<String> LOCAL_PARTS =
            List.of("admin", "administrator", "webmaster", "hostmaster", "postmaster");

    private ApproverEmails() {}

    /** A wildcard is validated on its base domain (V1): {@code *.example.com} gives {@code example.com}. */
    public static String baseDomain(String name) {
        Objects.requireNonNull(name, "name");
        return name.startsWith("*.") ? name.substring(2) : name;
    }

    /**
     * The registrable domain of a DNS name: {@code www.shop.example.co.jp} gives {@code example.co.jp}.
     *
     * @throws IllegalArgumentException for a name with no registrable domain: a public suffix itself
     *     ({@code co.jp}), an internal name, or something that is not a DNS name
     */
    public static String registrableDomain(String dnsName) {
        String base = baseDomain(dnsName);
        InternetDomainName domain;
        try {
            domain = InternetDomainName.from(base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a DNS name: " + dnsName, e);
        }
        if (!domain.isUnderRegistrySuffix()) {
            throw new IllegalArgumentException("no registrable domain under a public suffix: " + dnsName);
        }
        return domain.topDomainUnderRegistrySuffix().toString();
    }

    /** The five constructed approver addresses for a name, in the order they are offered. */
    public static List<String> forName(String dnsName) {
        String domain = registrableDomain(dnsName);
        return LOCAL_PARTS.stream().map(local -> local + "@" + domain).toList();
    }
}
