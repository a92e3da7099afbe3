package com.certportal.pki.web;

import com.certportal.pki.CaFamily;
import com.certportal.pki.CrlSource;
import com.certportal.pki.RootCrls;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bouncycastle.cert.X509CRLHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * D2: the CRLs at the CRL distribution points the certificates carry, without sign-in, DER: {@code
 * /pki/crl/{family}.crl} (the issuing CA's, from the portal's {@link CrlSource}) and {@code
 * /pki/crl/{family}-root.crl} (the root's, from {@link RootCrls}).
 */
@RestController
class CrlController {

    static final MediaType PKIX_CRL = MediaType.parseMediaType("application/pkix-crl");

    /**
     * D2: an issuing CA's CRL is made again within a minute of a revocation, so a cache keeps it a
     * minute at most (revalidating is cheap: the ETag turns it into a 304), never past its nextUpdate.
     */
    static final Duration ISSUING_MAX_AGE = Duration.ofMinutes(1);

    /** A root's CRL lists nothing and only its dates change. */
    static final Duration ROOT_MAX_AGE = Duration.ofHours(1);

    private final CrlSource crls;
    private final RootCrls rootCrls;
    private final Clock clock;

    CrlController(CrlSource crls, RootCrls rootCrls, Clock clock) {
        this.crls = crls;
        this.rootCrls = rootCrls;
        this.clock = clock;
    }

    @GetMapping("/pki/crl/{name}.crl")
    ResponseEntity<byte[]> crl(@PathVariable String name, HttpServletRequest request) throws IOException {
        Optional<Published.Name> found = Published.Name.parse(name);
        if (found.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        CaFamily family = found.get().family();
        boolean root = found.get().root();
        byte[] der = root ? rootCrls.currentCrl(family) : crls.currentCrl(family);
        Instant nextUpdate = new X509CRLHolder(der).getNextUpdate().toInstant();
        Duration untilNextUpdate = Duration.between(clock.instant(), nextUpdate);
        Duration longest = root ? ROOT_MAX_AGE : ISSUING_MAX_AGE;
        Duration maxAge = untilNextUpdate.compareTo(longest) < 0 ? untilNextUpdate : longest;
        return Published.answer(
                request, der, PKIX_CRL, Published.publicFor(maxAge), Published.attachment(name + ".crl"));
    }
}
