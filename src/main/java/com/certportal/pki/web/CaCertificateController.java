package com.certportal.pki.web;

import com.certportal.pki.CaFamily;
import com.certportal.pki.CertificateAuthority;
import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * D2: the CA certificates at the AIA URLs the certificates carry, without sign-in, DER: {@code
 * /pki/ca/{family}.crt} (the issuing CA, a leaf's caIssuers) and {@code /pki/ca/{family}-root.crt}
 * (the root, the issuing CA's caIssuers).
 */
@RestController
class CaCertificateController {

    static final MediaType PKIX_CERT = MediaType.parseMediaType("application/pkix-cert");

    /** A CA certificate changes only when the CA is made anew. */
    static final Duration MAX_AGE = Duration.ofDays(1);

    private final CertificateAuthority ca;

    CaCertificateController(CertificateAuthority ca) {
        this.ca = ca;
    }

    @GetMapping("/pki/ca/{name}.crt")
    ResponseEntity<byte[]> caCertificate(@PathVariable String name, HttpServletRequest request)
            throws CertificateEncodingException {
        Optional<Published.Name> found = Published.Name.parse(name);
        if (found.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        CaFamily family = found.get().family();
        byte[] der = found.get().root()
                ? ca.root(family).getEncoded()
                : ca.issuing(family).getEncoded();
        return Published.answer(
                request, der, PKIX_CERT, Published.publicFor(MAX_AGE), Published.attachment(name + ".crt"));
    }
}
