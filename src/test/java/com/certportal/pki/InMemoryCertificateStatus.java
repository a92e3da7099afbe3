package com.certportal.pki;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tests' stand-in for the portal's certificate table: what was issued and revoked, the status the
 * OCSP responder asks for and a CRL made again after each revocation, as {@link CrlSource} asks.
 */
public final class InMemoryCertificateStatus implements StatusSource, CrlSource {

    private final CrlIssuer issuer;
    private final Clock clock;
    private final Map<CaFamily, Map<BigInteger, CertificateStatusRecord>> statuses = new ConcurrentHashMap<>();
    private final Map<CaFamily, Map<BigInteger, RevokedEntry>> revoked = new ConcurrentHashMap<>();
    private final Map<CaFamily, byte[]> crls = new ConcurrentHashMap<>();
    private final AtomicLong crlNumber = new AtomicLong();

    public InMemoryCertificateStatus(CrlIssuer issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    public void issued(CaFamily family, BigInteger serial) {
        statuses.computeIfAbsent(family, f -> new ConcurrentHashMap<>()).put(serial, CertificateStatusRecord.good());
    }

    public void revoke(CaFamily family, BigInteger serial, Instant at, int reasonCode) {
        statuses.get(family).put(serial, CertificateStatusRecord.revoked(at, reasonCode));
        revoked.computeIfAbsent(family, f -> new ConcurrentHashMap<>())
                .put(serial, new RevokedEntry(serial, at, reasonCode));
        crls.remove(family);
    }

    @Override
    public Optional<CertificateStatusRecord> status(CaFamily family, BigInteger serial) {
        return Optional.ofNullable(statuses.getOrDefault(family, Map.of()).get(serial));
    }

    @Override
    public byte[] currentCrl(CaFamily family) {
        return crls.computeIfAbsent(family, f -> {
                    Instant now = clock.instant();
                    List<RevokedEntry> entries =
                            List.copyOf(revoked.getOrDefault(f, Map.of()).values());
                    return issuer.crl(
                            f,
                            BigInteger.valueOf(crlNumber.incrementAndGet()),
                            now,
                            now.plus(CrlIssuer.LONGEST_VALIDITY),
                            entries);
                })
                .clone();
    }
}
