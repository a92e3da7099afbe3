package com.certportal.pki;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * D2: an OCSP response (RFC 6960 4.2.1) and what HTTP caching needs to know about it.
 *
 * @param encoded the OCSPResponse, DER
 * @param producedAt when a successful response was signed; null for an error
 * @param nextUpdate until when a successful response may be relied on; null for an error
 */
public record OcspResponse(Status status, byte[] encoded, Instant producedAt, Instant nextUpdate) {

    /** RFC 6960 4.2.1 OCSPResponseStatus, those this responder answers with. */
    public enum Status {
        SUCCESSFUL(0),
        MALFORMED_REQUEST(1),
        INTERNAL_ERROR(2),
        UNAUTHORIZED(6);

        private final int code;

        Status(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    public OcspResponse {
        Objects.requireNonNull(status, "status");
        encoded = encoded.clone();
        if ((status == Status.SUCCESSFUL) != (nextUpdate != null && producedAt != null)) {
            throw new IllegalArgumentException("only a successful response has producedAt and nextUpdate");
        }
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }

    /** A signed answer, which a client or a CDN may keep until its nextUpdate; errors are never kept. */
    public boolean cacheable() {
        return status == Status.SUCCESSFUL;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OcspResponse that && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "OcspResponse[" + status + ", producedAt=" + producedAt + ", nextUpdate=" + nextUpdate + ", "
                + encoded.length + " bytes]";
    }
}
