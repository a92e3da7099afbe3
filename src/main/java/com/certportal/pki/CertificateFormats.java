package com.certportal.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.springframework.stereotype.Component;

/**
 * D1, K3: a certificate in every format and for every server platform, with its chain from the
 * family's CA. Every format is made from the certificate alone, so any format can be downloaded at
 * any time and choosing another never needs a cancellation.
 */
@Component
public class CertificateFormats {

    /** RFC 8555 9.1: PEM certificates, the end-entity certificate first. */
    public static final String PEM_CHAIN = "application/pem-certificate-chain";

    /** RFC 2585: one DER certificate. */
    public static final String DER_CERTIFICATE = "application/pkix-cert";

    /**
     * RFC 8551 3.2.2: the registered type of a degenerate (certs-only) SignedData. The unregistered
     * {@code application/x-pkcs7-certificates} that some servers map {@code .p7b} to says no more,
     * and the file name gives the extension Windows and keytool users look for.
     */
    public static final String PKCS7_CERTIFICATES = "application/pkcs7-mime; smime-type=certs-only";

    public static final String ZIP = "application/zip";

    private final CertificateAuthority ca;

    public CertificateFormats(CertificateAuthority ca) {
        this.ca = ca;
    }

    /** D1: {@code leafPem} (as the portal keeps it) in {@code format}. */
    public Download download(String leafPem, CaFamily family, String certificateId, DownloadFormat format) {
        return download(Profiles.parse(leafPem), family, certificateId, format);
    }

    /** D1: the certificate in {@code format}, named {@code {cn}_{certificateId}.{ext}}. */
    public Download download(X509Certificate leaf, CaFamily family, String certificateId, DownloadFormat format) {
        Chain chain = chain(leaf, family);
        String name = baseName(leaf, certificateId);
        return switch (format) {
            case PEM_ALL -> pem(name, List.of(leaf, chain.issuing(), chain.root()));
            case PEM_NOROOT -> pem(name, List.of(leaf, chain.issuing()));
            case PEM_NOINTERMEDIATE -> pem(name, List.of(leaf, chain.root()));
            case CRT -> new Download(name + ".crt", PEM_CHAIN, pemBytes(List.of(leaf)));
            case DER -> new Download(name + ".der", DER_CERTIFICATE, encoded(leaf));
            case P7B ->
                new Download(name + ".p7b", PKCS7_CERTIFICATES, pkcs7(List.of(leaf, chain.issuing(), chain.root())));
        };
    }

    /** D1, K3: {@code leafPem} (as the portal keeps it) for {@code platform}. */
    public Download download(String leafPem, CaFamily family, String certificateId, DownloadPlatform platform) {
        return download(Profiles.parse(leafPem), family, certificateId, platform);
    }

    /**
     * D1, K3: the files a platform's configuration asks for. nginx's {@code ssl_certificate} takes the
     * leaf and the intermediates in one file (the root is left out: clients have it, and sending it
     * only costs bytes in every handshake); IIS and Tomcat import PKCS#7; anything else gets the whole
     * chain in PEM.
     */
    public Download download(X509Certificate leaf, CaFamily family, String certificateId, DownloadPlatform platform) {
        return switch (platform) {
            case APACHE -> apache(leaf, chain(leaf, family), baseName(leaf, certificateId));
            case NGINX -> download(leaf, family, certificateId, DownloadFormat.PEM_NOROOT);
            case MICROSOFT_IIS, TOMCAT -> download(leaf, family, certificateId, DownloadFormat.P7B);
            case OTHER -> download(leaf, family, certificateId, DownloadFormat.PEM_ALL);
        };
    }

    /**
     * Apache: {@code {name}.crt} for {@code SSLCertificateFile} and {@code {name}_chain.crt} for
     * {@code SSLCertificateChainFile}, which takes the intermediate CA certificates only (the root is a
     * trust anchor the client already holds). From Apache 2.4.8 the two files may also be joined into
     * the one {@code SSLCertificateFile}, leaf first.
     */
    private static Download apache(X509Certificate leaf, Chain chain, String name) {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        // The entries carry the certificate's date, not the download's: the same certificate always
        // downloads as the same bytes.
        long time = leaf.getNotBefore().getTime();
        try (ZipOutputStream out = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
            entry(out, name + ".crt", pemBytes(List.of(leaf)), time);
            entry(out, name + "_chain.crt", pemBytes(List.of(chain.issuing())), time);
        } catch (IOException cannotHappenInMemory) {
            throw new UncheckedIOException(cannotHappenInMemory);
        }
        return new Download(name + ".zip", ZIP, zip.toByteArray());
    }

    private static void entry(ZipOutputStream out, String name, byte[] content, long time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(time);
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
    }

    private static Download pem(String name, List<X509Certificate> certificates) {
        return new Download(name + ".pem", PEM_CHAIN, pemBytes(certificates));
    }

    private static byte[] pemBytes(List<X509Certificate> certificates) {
        StringBuilder text = new StringBuilder();
        certificates.forEach(c -> text.append(Profiles.pem(c)));
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A SignedData with no signers and no content, only certificates (RFC 5652 5.1, "degenerate").
     * DER sorts the certificate SET by encoding, so the order inside is not leaf-first; PKCS#7 readers
     * build the chain from the names, never from the order.
     */
    static byte[] pkcs7(List<X509Certificate> certificates) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addCertificates(new JcaCertStore(certificates));
            return generator.generate(new CMSAbsentContent(), false).getEncoded(ASN1Encoding.DER);
        } catch (CMSException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot encode a PKCS#7 certificate bundle", e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The family's CA above the leaf; a leaf from another CA is a bug in the caller. */
    private Chain chain(X509Certificate leaf, CaFamily family) {
        X509Certificate issuing = ca.issuing(family);
        if (!leaf.getIssuerX500Principal().equals(issuing.getSubjectX500Principal())) {
            throw new IllegalArgumentException("the certificate " + leaf.getSubjectX500Principal()
                    + " was not issued by the " + family + " issuing CA");
        }
        return new Chain(issuing, ca.root(family));
    }

    private record Chain(X509Certificate issuing, X509Certificate root) {}

    private static String baseName(X509Certificate leaf, String certificateId) {
        return fileName(commonName(leaf), certificateId);
    }

    /**
     * D1: {@code {cn}_{certificateId}}, safe as a file name everywhere: lower case, a wildcard becomes
     * {@code star}, anything outside {@code [a-z0-9.-]} an underscore, and no leading dot (a hidden file
     * on Unix).
     */
    static String fileName(String commonName, String certificateId) {
        String cn = commonName == null || commonName.isBlank() ? "certificate" : commonName;
        String safe = cn.toLowerCase(Locale.ROOT).replace("*", "star").replaceAll("[^a-z0-9.-]", "_");
        if (safe.startsWith(".")) {
            safe = "_" + safe.substring(1);
        }
        return safe + "_" + certificateId.replaceAll("[^A-Za-z0-9.-]", "_");
    }

    private static String commonName(X509Certificate certificate) {
        RDN[] cns = Profiles.subjectOf(certificate).getRDNs(BCStyle.CN);
        if (cns.length == 0) {
            return null;
        }
        ASN1Encodable value = cns[0].getFirst().getValue();
        return value instanceof ASN1String text ? text.getString() : null;
    }
}
