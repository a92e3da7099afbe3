package com.certportal.validation.dcv;

import com.google.common.net.HostAndPort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * V1 DNS method (Baseline Requirements 3.2.2.4.7): a TXT record at {@code _dnsauth.{name}} holding
 * the token.
 *
 * <p>Each check sends its own query through the resolver and reads the answer directly, never through
 * dnsjava's {@code Lookup} and its cache, so a record the customer has just added is seen at the next
 * "check now". A recursive server may still hold an earlier negative answer for its own negative TTL;
 * that is the customer's DNS and not ours to bypass.
 */
public class DnsTxtCheck {

    public static final String LABEL = "_dnsauth";

    private final Resolver resolver;

    public DnsTxtCheck(ValidationProperties properties) {
        this.resolver = resolverFor(properties);
    }

    /** The record name the customer creates, for the page's instructions (V4). */
    public static String recordName(String dnsName) {
        return LABEL + "." + ApproverEmails.baseDomain(dnsName).toLowerCase(Locale.ROOT);
    }

    /**
     * Asks for the TXT records at {@code _dnsauth.{name}} (its base domain for a wildcard) and passes
     * when one of them, trimmed, equals {@code token}. A TXT record's value is read both as each of its
     * strings and as their concatenation (long values are split into 255-byte strings).
     */
    public CheckResult check(String dnsName, String token) {
        HttpFileCheck.requireToken(token);
        Name name;
        try {
            name = Name.fromString(recordName(dnsName), Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + dnsName, e);
        }
        Message response;
        try {
            response = resolver.send(Message.newQuery(Record.newRecord(name, Type.TXT, DClass.IN)));
        } catch (IOException e) {
            return CheckResult.fail(timedOut(e) ? CheckResult.TIMEOUT : CheckResult.UNREACHABLE);
        }
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return CheckResult.fail(CheckResult.NOT_FOUND);
        }
        if (rcode != Rcode.NOERROR) {
            // SERVFAIL, REFUSED, ...: the question was not answered, which says nothing about the record.
            return CheckResult.fail(CheckResult.UNREACHABLE);
        }
        // The answer may follow a CNAME (delegated validation); every TXT in it belongs to the chain.
        List<TXTRecord> records = response.getSection(Section.ANSWER).stream()
                .filter(TXTRecord.class::isInstance)
                .map(TXTRecord.class::cast)
                .toList();
        if (records.isEmpty()) {
            return CheckResult.fail(CheckResult.NOT_FOUND);
        }
        return records.stream().anyMatch(record -> holdsToken(record, token))
                ? CheckResult.pass()
                : CheckResult.fail(CheckResult.WRONG_CONTENT);
    }

    private static boolean holdsToken(TXTRecord record, String token) {
        List<String> strings = record.getStrings();
        return strings.stream().map(String::trim).anyMatch(token::equals)
                || String.join("", strings).trim().equals(token);
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static Resolver resolverFor(ValidationProperties properties) {
        Duration timeout = properties.dnsTimeout();
        HostAndPort server = properties.dnsServerHostAndPort().orElse(null);
        if (server == null) {
            // The system's resolvers (resolv.conf and the like, read by dnsjava's ResolverConfig).
            ExtendedResolver system = new ExtendedResolver();
            for (Resolver each : system.getResolvers()) {
                each.setTimeout(timeout);
            }
            system.setTimeout(timeout);
            return system;
        }
        InetSocketAddress address = new InetSocketAddress(server.getHost(), server.getPort());
        if (address.isUnresolved()) {
            throw new IllegalStateException(
                    "certportal.validation.dns-server: cannot resolve '" + server.getHost() + "'");
        }
        SimpleResolver simple = new SimpleResolver(address);
        simple.setTimeout(timeout);
        return simple;
    }
}
