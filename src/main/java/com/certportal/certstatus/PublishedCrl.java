package com.certportal.certstatus;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** D2: an issuing CA's current CRL, as published to every instance. */
@Entity
@Table(name = "published_crl")
class PublishedCrl {

    /** A CRL is made again this long before its nextUpdate, so relying parties never hold a stale one. */
    static final Duration REFRESH_BEFORE_NEXT_UPDATE = Duration.ofDays(1);

    @Id
    private String family;

    private long crlNumber;

    private Instant thisUpdate;

    private Instant nextUpdate;

    private String derBase64;

    /** A certificate of the family was revoked since this CRL was made. */
    private boolean stale;

    @Version
    private long version;

    protected PublishedCrl() {}

    PublishedCrl(String family) {
        this.family = family;
    }

    void publish(long crlNumber, Instant thisUpdate, Instant nextUpdate, byte[] der) {
        this.crlNumber = crlNumber;
        this.thisUpdate = thisUpdate;
        this.nextUpdate = nextUpdate;
        this.derBase64 = Base64.getEncoder().encodeToString(der);
        this.stale = false;
    }

    /** Made again when stale (within a minute of a revocation) or a day before its nextUpdate. */
    boolean dueAt(Instant now) {
        return derBase64 == null || stale || !now.isBefore(nextUpdate.minus(REFRESH_BEFORE_NEXT_UPDATE));
    }

    byte[] der() {
        return Base64.getDecoder().decode(derBase64);
    }

    long crlNumber() {
        return crlNumber;
    }
}
