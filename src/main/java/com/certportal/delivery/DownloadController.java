package com.certportal.delivery;

import com.certportal.account.CurrentMember;
import com.certportal.action.BadRequestException;
import com.certportal.action.NotFound;
import com.certportal.order.Certificate;
import com.certportal.order.OrderFinder;
import com.certportal.pki.CaFamily;
import com.certportal.pki.CertificateFormats;
import com.certportal.pki.Download;
import com.certportal.pki.DownloadFormat;
import com.certportal.pki.DownloadPlatform;
import java.util.regex.Pattern;
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
 * D1, K3: a certificate downloads in any format, or as a server platform wants it; choosing another
 * never needs a cancellation. Another account's certificate is unknown (404), like a missing one; a
 * revoked one still downloads (the page marks it, and the response says so in a header).
 */
@Controller
class DownloadController {

    private static final Pattern CERTIFICATE_ID = Pattern.compile("[0-9]{1,16}");

    /** Tells a client the file it downloaded is of a revoked certificate (D1). */
    static final String STATUS_HEADER = "X-Certificate-Status";

    private final OrderFinder orders;
    private final CertificateFormats formats;

    DownloadController(OrderFinder orders, CertificateFormats formats) {
        this.orders = orders;
        this.formats = formats;
    }

    @GetMapping("/certificates/{certificateId}/download")
    ResponseEntity<byte[]> download(
            @PathVariable String certificateId,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String platform,
            @AuthenticationPrincipal CurrentMember member) {
        if (!CERTIFICATE_ID.matcher(certificateId).matches()) {
            throw new BadRequestException("malformed certificate id");
        }
        if ((format == null) == (platform == null)) {
            throw new BadRequestException("give a format or a platform");
        }
        Certificate certificate = orders.certificate(certificateId, member);
        if (certificate.getPem() == null) {
            throw new NotFound("certificate file " + certificateId);
        }
        CaFamily family = CaFamily.fromKey(certificate.getCaFamily()).orElseThrow();
        Download download = format != null
                ? formats.download(certificate.getPem(), family, certificateId, chosen(DownloadFormat.fromKey(format)))
                : formats.download(
                        certificate.getPem(), family, certificateId, chosen(DownloadPlatform.fromKey(platform)));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(download.fileName())
                                .build()
                                .toString())
                .header(STATUS_HEADER, certificate.isValid() ? "valid" : "revoked")
                .body(download.content());
    }

    private static <T> T chosen(java.util.Optional<T> value) {
        return value.orElseThrow(() -> new BadRequestException("unknown format or platform"));
    }
}
