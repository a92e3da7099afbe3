package com.certportal.pki;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * D2: the roots' CRLs, which never list anything (the portal never revokes an issuing CA) and so
 * need nothing from the database. Each is signed once a day and served unchanged in between, good
 * for {@link CrlIssuer#LONGEST_VALIDITY}. Its CRL number is its thisUpdate in seconds since the epoch:
 * it grows with every new CRL across restarts and instances without a sequence, and instances that
 * sign in the same second sign the same (empty) list under the same number.
 */
@Component
public class RootCrls {

    /** A root CRL is signed again once it is this old, long before its nextUpdate. */
    static final Duration REFRESH_AFTER = Duration.ofDays(1);

    private final CrlIssuer issuer;
    private final Clock clock;
    private final Map<CaFamily, Signed> current = new ConcurrentHashMap<>();

    public RootCrls(CrlIssuer issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    /** The family root's current CRL, DER. */
    public byte[] currentCrl(CaFamily family) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return current.compute(family, (f, signed) -> signed != null && signed.freshAt(now) ? signed : sign(f, now))
                .der()
                .clone();
    }

    private Signed sign(CaFamily family, Instant now) {
        BigInteger number = BigInteger.valueOf(now.getEpochSecond());
        return new Signed(now, issuer.rootCrl(family, number, now, now.plus(CrlIssuer.LONGEST_VALIDITY)));
    }

    private record Signed(Instant thisUpdate, byte[] der) {

        /** Fresh until a day old; and a clock set back (a test, a corrected server) signs anew. */
        boolean freshAt(Instant now) {
            return !now.isBefore(thisUpdate) && now.isBefore(thisUpdate.plus(REFRESH_AFTER));
        }
    }
}
