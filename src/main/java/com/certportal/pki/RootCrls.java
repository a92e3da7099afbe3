package com.certportal.pki;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * D2: the roots' CRLs, which never list anything (the portal never revokes an issuing CA) and so
 * need nothing from the database. Each is signed for the UTC day: its thisUpdate is the day's start
 * (what it says, that nothing is revoked, was as true then), it is good for
 * {@link CrlIssuer#LONGEST_VALIDITY} from there, and its CRL number is that instant in seconds since
 * the epoch. So the number grows day by day across restarts, and every instance (issue 10) signs the
 * same day's list under the same number and thisUpdate: a relying party fetching from one instance,
 * then another, never sees the number go back.
 */
@Component
public class RootCrls {

    private final CrlIssuer issuer;
    private final Clock clock;
    private final Map<CaFamily, Signed> current = new ConcurrentHashMap<>();

    public RootCrls(CrlIssuer issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    /** The family root's current CRL, DER. */
    public byte[] currentCrl(CaFamily family) {
        Instant day = clock.instant().truncatedTo(ChronoUnit.DAYS);
        return current.compute(family, (f, signed) -> signed != null && signed.isFor(day) ? signed : sign(f, day))
                .der()
                .clone();
    }

    private Signed sign(CaFamily family, Instant day) {
        BigInteger number = BigInteger.valueOf(day.getEpochSecond());
        return new Signed(day, issuer.rootCrl(family, number, day, day.plus(CrlIssuer.LONGEST_VALIDITY)));
    }

    private record Signed(Instant thisUpdate, byte[] der) {

        /** Signed for this day; a clock set back (a test, a corrected server) signs anew too. */
        boolean isFor(Instant day) {
            return thisUpdate.equals(day);
        }
    }
}
