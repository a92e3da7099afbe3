package com.certportal.pki.web;

import com.certportal.pki.CaFamily;
import com.certportal.pki.OcspResponder;
import com.certportal.pki.OcspResponse;
import com.certportal.pki.StatusSource;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * D2: the OCSP responder over HTTP (RFC 6960 appendix A), without sign-in, at the URL the
 * certificates' AIA names: {@code POST /pki/ocsp/{family}} with the DER request as the body, or
 * {@code GET /pki/ocsp/{family}/{request}} with the request base64-encoded and then URL-encoded.
 * Every answer is an OCSP response (HTTP 200), errors included, as OCSP clients expect; a signed one
 * may be cached until its nextUpdate (RFC 5019 6.2).
 */
@RestController
class OcspController {

    static final MediaType OCSP_RESPONSE = MediaType.parseMediaType("application/ocsp-response");

    /** An OCSP request asks about a few certificates in a few hundred bytes. */
    static final int LARGEST_REQUEST = 16 * 1024;

    private static final String PATH = "/pki/ocsp/";

    private final OcspResponder responder;
    private final StatusSource statuses;
    private final Clock clock;

    OcspController(OcspResponder responder, StatusSource statuses, Clock clock) {
        this.responder = responder;
        this.statuses = statuses;
        this.clock = clock;
    }

    @PostMapping(PATH + "{family}")
    ResponseEntity<byte[]> post(@PathVariable String family, HttpServletRequest request) throws IOException {
        if (CaFamily.fromKey(family).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(LARGEST_REQUEST + 1);
        }
        if (body.length > LARGEST_REQUEST) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
        }
        return answer(request, body);
    }

    /**
     * RFC 6960 A.1: the request is read from the raw request URI, not from a path variable: its
     * base64 holds "/" (sent as-is, or as %2F, as Java's own client does), which would split or be
     * refused as a path segment. The server keeps %2F undecoded on this path ({@link OcspGetSupport}).
     */
    @GetMapping(PATH + "{family}/**")
    ResponseEntity<byte[]> get(@PathVariable String family, HttpServletRequest request) {
        if (CaFamily.fromKey(family).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        String prefix = request.getContextPath() + PATH + family + "/";
        String uri = request.getRequestURI();
        byte[] body = uri.startsWith(prefix) ? decode(uri.substring(prefix.length())) : new byte[0];
        return answer(request, body);
    }

    /** Standard or URL-safe base64, padded or not; anything else is an empty (malformed) request. */
    static byte[] decode(String encoded) {
        String base64 = UriUtils.decode(encoded, StandardCharsets.US_ASCII);
        try {
            return base64.indexOf('-') >= 0 || base64.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(base64)
                    : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            return new byte[0];
        }
    }

    private ResponseEntity<byte[]> answer(HttpServletRequest request, byte[] der) {
        Instant now = clock.instant();
        OcspResponse response = responder.answer(der, statuses, now);
        if (!response.cacheable()) {
            return ResponseEntity.ok()
                    .cacheControl(CacheControl.noStore())
                    .contentType(OCSP_RESPONSE)
                    .body(response.encoded());
        }
        // RFC 5019 6.2: kept until nextUpdate by anyone, revalidated after.
        CacheControl cache = Published.publicFor(Duration.between(now, response.nextUpdate()))
                .mustRevalidate();
        HttpHeaders dates = new HttpHeaders();
        dates.setLastModified(response.producedAt());
        dates.setExpires(response.nextUpdate());
        return Published.answer(request, response.encoded(), OCSP_RESPONSE, cache, dates);
    }
}
