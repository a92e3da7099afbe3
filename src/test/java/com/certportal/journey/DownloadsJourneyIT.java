package com.certportal.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;

import com.certportal.demo.DemoSignIns;
import com.certportal.pki.CaFamily;
import com.certportal.pki.CertificateAuthority;
import com.certportal.pki.Openssl;
import com.certportal.pki.PkiFixtures;
import com.certportal.support.Browser;
import com.certportal.support.BrowserJourneyTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * D1, K3 in Chromium: from an issued demo order's page, the certificate downloads as PKCS#7 (what
 * IIS and Tomcat import) and as Apache's zip, into the browser's downloads directory under target/,
 * and each file holds what its platform needs: read back with BouncyCastle and the openssl command
 * line. Downloading another format changes nothing on the order.
 */
class DownloadsJourneyIT extends BrowserJourneyTest {

    private static final String COMMON_NAME = "issued-29d-card.example.com";

    @Autowired
    private CertificateAuthority ca;

    @Test
    void aP7bAndAnApacheZipDownloadFromTheOrderPageWithTheCertificateAndItsChain() throws Exception {
        Browser user = newBrowser();
        user.open("/login?lang=en");
        user.signIn("user@example.com", DemoSignIns.PASSWORD);
        user.open("/orders?q=" + COMMON_NAME);
        user.find(By.cssSelector("table.orders tbody tr td.number a:not(.quick-view-link)"))
                .click();
        user.waitUntil(urlMatches("/orders/[0-9]{8}$"));
        String certificateId = user.visible(By.cssSelector("table.lineage tbody tr[data-certificate]"))
                .getDomAttribute("data-certificate");
        user.find(By.cssSelector("#certificate-" + certificateId + " > summary"))
                .click();
        X509Certificate shown = certificate(user.visible(By.id("pem-" + certificateId))
                .getDomProperty("value")
                .getBytes(StandardCharsets.US_ASCII));
        String fileName = COMMON_NAME + "_" + certificateId;

        user.find(By.cssSelector("#certificate-" + certificateId + " a[data-download=p7b]"))
                .click();
        Path p7b = user.downloaded(fileName + ".p7b");
        user.find(By.cssSelector("#certificate-" + certificateId + " a[data-download-platform=apache]"))
                .click();
        Path zip = user.downloaded(fileName + ".zip");

        // PKCS#7 certs-only: no signers, the certificate with the issuing CA and the root.
        CMSSignedData pkcs7 = new CMSSignedData(Files.readAllBytes(p7b));
        assertThat(pkcs7.getSignerInfos().size()).isZero();
        assertThat(pkcs7.getCertificates().getMatches(null))
                .extracting(holder -> base64(holder.getEncoded()))
                .containsExactlyInAnyOrder(
                        base64(shown.getEncoded()),
                        base64(ca.issuing(CaFamily.TLS).getEncoded()),
                        base64(ca.root(CaFamily.TLS).getEncoded()));
        String printed = Openssl.ok("pkcs7", "-inform", "DER", "-print_certs", "-noout", "-in", p7b.toString());
        assertThat(printed.lines().filter(line -> line.startsWith("subject=")))
                .hasSize(3)
                .contains("subject=C = JP, O = Example Corp, CN = " + COMMON_NAME)
                .anySatisfy(subject -> assertThat(subject).contains("CN = CertPortal TLS Issuing CA"))
                .anySatisfy(subject -> assertThat(subject).contains("CN = CertPortal TLS Root CA"));

        // Apache: SSLCertificateFile and SSLCertificateChainFile, which the root completes.
        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries).containsOnlyKeys(fileName + ".crt", fileName + "_chain.crt");
        assertThat(certificate(entries.get(fileName + ".crt")).getEncoded()).isEqualTo(shown.getEncoded());
        assertThat(certificate(entries.get(fileName + "_chain.crt")).getEncoded())
                .isEqualTo(ca.issuing(CaFamily.TLS).getEncoded());
        Path work = zip.getParent();
        Path leaf = Files.write(work.resolve(fileName + ".crt"), entries.get(fileName + ".crt"));
        Path chain = Files.write(work.resolve(fileName + "_chain.crt"), entries.get(fileName + "_chain.crt"));
        Path root = Files.writeString(work.resolve("root.pem"), PkiFixtures.pem(ca.root(CaFamily.TLS)));
        assertThat(Openssl.ok("verify", "-CAfile", root.toString(), "-untrusted", chain.toString(), leaf.toString())
                        .strip())
                .isEqualTo(leaf + ": OK");

        // K3: another format is only a download; the order is as it was.
        user.driver().navigate().refresh();
        assertThat(user.visible(By.cssSelector("h1 .badge")).getText()).isEqualTo("Issued");
        assertThat(user.consoleErrors()).isEmpty();
    }

    private static String base64(byte[] encoded) {
        return Base64.getEncoder().encodeToString(encoded);
    }

    private static X509Certificate certificate(byte[] encoded) throws Exception {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(encoded));
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(zip);
                ZipInputStream in = new ZipInputStream(file)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
