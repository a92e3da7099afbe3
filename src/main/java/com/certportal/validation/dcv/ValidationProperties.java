package com.certportal.validation.dcv;

import com.google.common.net.HostAndPort;
import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the V1 network checks go. Documented for operators in {@link DcvConfiguration}. Every entry
 * is checked here, when the properties are bound, so a malformed one stops the start with a message
 * naming the property, instead of failing a customer's check later.
 *
 * @param httpPort the port of the HTTP file check (80 in production; tests and the demo point it at a
 *     local server)
 * @param resolve {@code name:address} overrides of name resolution for the HTTP file check, like
 *     curl's {@code --resolve}: the address is connected to, the request still names the name
 * @param dnsServer {@code host:port} (port 53 if left out) of the server asked for TXT records;
 *     empty means the system's resolvers
 * @param connectTimeout how long the HTTP file check waits to connect
 * @param readTimeout how long the HTTP file check waits for the whole response once connected
 * @param dnsTimeout how long the DNS TXT check waits for an answer
 */
@ConfigurationProperties("certportal.validation")
public record ValidationProperties(
        @DefaultValue("80") int httpPort,
        @DefaultValue List<String> resolve,
        @DefaultValue("") String dnsServer,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("3s") Duration dnsTimeout) {

    static final int DNS_PORT = 53;

    public ValidationProperties {
        if (httpPort < 1 || httpPort > 65535) {
            throw new IllegalArgumentException("certportal.validation.http-port must be 1 to 65535, was " + httpPort);
        }
        resolve = resolve == null ? List.of() : List.copyOf(resolve);
        resolve.forEach(ValidationProperties::parseResolveEntry);
        dnsServer = dnsServer == null ? "" : dnsServer.trim();
        if (!dnsServer.isEmpty()) {
            parseDnsServer(dnsServer);
        }
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("read-timeout", readTimeout);
        requirePositive("dns-timeout", dnsTimeout);
    }

    /** Production values: port 80, the system's resolvers, connect 3 s, read 5 s, DNS 3 s. */
    public static ValidationProperties defaults() {
        return new ValidationProperties(
                80, List.of(), "", Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(3));
    }

    /** The {@link #resolve} entries by lower-cased name; a name given twice has its addresses in order. */
    public Map<String, List<InetAddress>> resolveOverrides() {
        Map<String, List<InetAddress>> overrides = new LinkedHashMap<>();
        for (String entry : resolve) {
            ResolveEntry parsed = parseResolveEntry(entry);
            overrides.computeIfAbsent(parsed.name(), n -> new ArrayList<>()).add(parsed.address());
        }
        overrides.replaceAll((name, addresses) -> List.copyOf(addresses));
        return Map.copyOf(overrides);
    }

    /** The configured DNS server, or empty for the system's resolvers. */
    public Optional<HostAndPort> dnsServerHostAndPort() {
        return dnsServer.isEmpty() ? Optional.empty() : Optional.of(parseDnsServer(dnsServer));
    }

    private record ResolveEntry(String name, InetAddress address) {}

    private static ResolveEntry parseResolveEntry(String entry) {
        String value = entry == null ? "" : entry.trim();
        // The name holds no colon, so the first one separates it from an address that may (IPv6).
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw malformedResolve(entry, "expected name:address, for example www.example.com:127.0.0.1");
        }
        String name = value.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String address = value.substring(colon + 1).trim();
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        if (!InternetDomainName.isValid(name)) {
            throw malformedResolve(entry, "'" + name + "' is not a DNS name");
        }
        if (!InetAddresses.isInetAddress(address)) {
            throw malformedResolve(entry, "'" + address + "' is not an IPv4 or IPv6 address");
        }
        return new ResolveEntry(name, InetAddresses.forString(address));
    }

    private static IllegalArgumentException malformedResolve(String entry, String why) {
        return new IllegalArgumentException("certportal.validation.resolve entry '" + entry + "': " + why);
    }

    private static HostAndPort parseDnsServer(String value) {
        HostAndPort hostAndPort;
        try {
            hostAndPort = HostAndPort.fromString(value).withDefaultPort(DNS_PORT);
        } catch (IllegalArgumentException e) {
            throw malformedDnsServer(value, e.getMessage());
        }
        String host = hostAndPort.getHost();
        if (!InetAddresses.isInetAddress(host) && !InternetDomainName.isValid(host)) {
            throw malformedDnsServer(value, "'" + host + "' is neither an address nor a DNS name");
        }
        return hostAndPort;
    }

    private static IllegalArgumentException malformedDnsServer(String value, String why) {
        return new IllegalArgumentException("certportal.validation.dns-server '" + value
                + "': expected host:port or host, for example 127.0.0.1:5353 (" + why + ")");
    }

    private static void requirePositive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(
                    "certportal.validation." + property + " must be a positive duration, was " + value);
        }
    }
}
