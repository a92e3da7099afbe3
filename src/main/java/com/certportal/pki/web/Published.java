package com.certportal.pki.web;

import com.certportal.pki.CaFamily;
import jakarta.servlet.http.HttpServletRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * D2: how the CA's public files are answered: their media type, how long a client or a CDN may keep
 * them (public, max-age), an ETag that is the hash of the bytes, and 304 Not Modified to a GET whose
 * If-None-Match already names those bytes.
 */
final class Published {

    private Published() {}

    /** A published file's name: a family's key, for its issuing CA, or the key and "-root". */
    record Name(CaFamily family, boolean root) {

        private static final String ROOT = "-root";

        static Optional<Name> parse(String name) {
            Optional<CaFamily> issuing = CaFamily.fromKey(name);
            if (issuing.isPresent()) {
                return Optional.of(new Name(issuing.get(), false));
            }
            if (name.endsWith(ROOT)) {
                return CaFamily.fromKey(name.substring(0, name.length() - ROOT.length()))
                        .map(family -> new Name(family, true));
            }
            return Optional.empty();
        }
    }

    /** public, max-age in whole seconds (never negative), no-transform: the bytes are signed. */
    static CacheControl publicFor(Duration maxAge) {
        return CacheControl.maxAge(maxAge.isNegative() ? Duration.ZERO : maxAge)
                .cachePublic()
                .noTransform();
    }

    static ResponseEntity<byte[]> answer(
            HttpServletRequest request, byte[] body, MediaType type, CacheControl cache, HttpHeaders extra) {
        String etag = etag(body);
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(extra);
        headers.setETag(etag);
        headers.setCacheControl(cache);
        if (notModified(request, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .headers(headers)
                    .build();
        }
        headers.setContentType(type);
        return ResponseEntity.ok().headers(headers).body(body);
    }

    /**
     * A file name, so that a browser saves {@code tls-root.crt}, not what Spring's reflected file
     * download guard names a response to a URL with an extension it does not know ({@code f.txt}).
     */
    static HttpHeaders attachment(String fileName) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(
                ContentDisposition.attachment().filename(fileName).build());
        return headers;
    }

    /** A strong ETag: the SHA-256 of the bytes, base64url. */
    static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** RFC 9110 13.1.2: GET and HEAD only, weak comparison, {@code *} matches anything. */
    private static boolean notModified(HttpServletRequest request, String etag) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return false;
        }
        for (String header : Collections.list(request.getHeaders(HttpHeaders.IF_NONE_MATCH))) {
            for (String tag : header.split(",")) {
                String candidate = tag.strip();
                if (candidate.startsWith("W/")) {
                    candidate = candidate.substring(2);
                }
                if (candidate.equals("*") || candidate.equals(etag)) {
                    return true;
                }
            }
        }
        return false;
    }
}
