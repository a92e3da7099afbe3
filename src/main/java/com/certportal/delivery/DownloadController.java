package com.certportal.delivery;

import com.certportal.account.CurrentMember;
import com.certportal.action.BadRequestException;
import com.certportal.order.Certificate;
import com.certportal.order.OrderFinder;
import com.certportal.pki.CaFamily;
import com.certportal.pki.CertificateAuthority;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * I, D1: a certificate downloads as the leaf PEM (`crt`) or with its chain (`pem_all`: leaf, issuing
 * CA, root). Another account's certificate is unknown (404).
 */
@Controller
class DownloadController {

    private static final Pattern CERTIFICATE_ID = Pattern.compile("[0-9]{1,16}");

    private final OrderFinder orders;
    private final CertificateAuthority ca;

    DownloadController(OrderFinder orders, CertificateAuthority ca) {
        this.orders = orders;
        this.ca = ca;
    }

    @GetMapping("/certificates/{certificateId}/download")
    ResponseEntity<byte[]> download(
            @PathVariable String certificateId,
            @RequestParam(defaultValue = "crt") String format,
            @AuthenticationPrincipal CurrentMember member) {
        if (!CERTIFICATE_ID.matcher(certificateId).matches()) {
            throw new BadRequestException("malformed certificate id");
        }
        if (!format.equals("crt") && !format.equals("pem_all")) {
            throw new BadRequestException("unknown format " + format);
        }
        Certificate certificate = orders.certificate(certificateId, member);
        if (certificate.getPem() == null) {
            throw new com.certportal.action.NotFound("certificate file " + certificateId);
        }
        StringBuilder pem = new StringBuilder(certificate.getPem().strip()).append('\n');
        if (format.equals("pem_all")) {
            CaFamily family = CaFamily.fromKey(certificate.getCaFamily()).orElseThrow();
            for (X509Certificate ca : this.ca.chain(family)) {
                pem.append(pemOf(ca));
            }
        }
        String fileName =
                safe(certificate.getCommonName()) + "_" + certificateId + (format.equals("crt") ? ".crt" : ".pem");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/x-pem-file"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .body(pem.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static String pemOf(X509Certificate certificate) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A file name from a common name: `*.example.com` becomes `star.example.com`. */
    static String safe(String commonName) {
        return commonName.toLowerCase(Locale.ROOT).replace("*", "star").replaceAll("[^a-z0-9.-]", "_");
    }
}
