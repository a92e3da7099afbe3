package com.certportal.certstatus;

import static java.time.Duration.ofDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;

import com.certportal.catalog.Product;
import com.certportal.pki.Openssl;
import com.certportal.support.Browser;
import com.certportal.support.BrowserJourneyTest;
import com.certportal.support.Fixtures.PaymentChoice;
import com.certportal.support.Fixtures.TestAccount;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * D2, R1, R2, R6, A2 against the whole running portal (PostgreSQL, the real CA, Tomcat on its port)
 * with the relying party's own tool: an issued order's certificate is checked as anyone on the
 * internet would check it, from the URLs the certificate itself carries (CRL distribution point, OCSP
 * and CA issuers in AIA) and the root the portal publishes; {@code openssl verify -crl_check} and
 * {@code openssl ocsp} say good before, and after an administrator revokes the order they say
 * revoked, with the reason, as the order page does. A rejected revocation request leaves them good.
 */
class RelyingPartyOpensslIT extends BrowserJourneyTest {

    private static final Pattern URI_IN_EXTENSION = Pattern.compile("URI:(\\S+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private Path work;

    @BeforeEach
    void onTheRealClock() throws IOException {
        // openssl judges certificates, CRLs and OCSP answers by the real time.
        clock.reset();
        work = Files.createTempDirectory(
                Files.createDirectories(Path.of("target", "relying-party")).toAbsolutePath(), "openssl-");
    }

    @Test
    void opensslSeesTheCertificateGoodThenRevokedForKeyCompromiseOnceAnAdministratorRevokesTheOrder() throws Exception {
        TestAccount account = fixtures.newAccount();
        String order = fixtures.issued(
                account.admin(),
                Product.TLS_DV,
                "relying-" + account.tag() + ".example.com",
                PaymentChoice.card(),
                clock.instant().minus(ofDays(40)));
        Browser admin = newBrowser();
        admin.open("/orders/" + order + "?lang=en");
        admin.signIn(account.admin().email(), "secret");
        Checked checked = checkedFromItsUrls(admin);

        Openssl.Result before = verify(checked);
        assertThat(before.exit()).isZero();
        assertThat(before.output().strip()).isEqualTo(checked.leaf() + ": OK");
        assertThat(ocsp(checked))
                .contains("Response verify OK")
                .contains(checked.leaf() + ": good")
                .doesNotContain("revoked");

        // R6: the administrator revokes at once, for key compromise (R2: chosen, not preselected).
        admin.open("/orders/" + order + "/revoke");
        admin.visible(By.cssSelector("input[name=reason][value=key_compromise]"))
                .click();
        admin.find(By.cssSelector("input[name=skipApproval]")).click();
        admin.find(By.cssSelector("form.revoke-form button[type=submit]")).click();
        admin.waitUntil(urlMatches("/orders/" + order + "$"));
        assertThat(admin.visible(By.cssSelector(".alert-success")).getText()).contains("was revoked");
        assertThat(admin.find(By.cssSelector("h1 .badge")).getText()).isEqualTo("Revoked");

        // D2: at once (the CRL is made again when next asked for), with the reason, as the page says.
        Openssl.Result after = verify(checked);
        assertThat(after.exit()).isNotZero();
        assertThat(after.output()).contains("error 23 at 0 depth lookup: certificate revoked");
        assertThat(Openssl.ok("crl", "-in", checked.crl().toString(), "-noout", "-text"))
                .contains("Serial Number: " + checked.serialHex())
                .contains("Key Compromise");
        assertThat(ocsp(checked))
                .contains("Response verify OK")
                .contains(checked.leaf() + ": revoked")
                .contains("Reason: keyCompromise")
                .contains("Revocation Time: ");
    }

    @Test
    void opensslStillSeesTheCertificateGoodAfterARevocationRequestIsRejected() throws Exception {
        TestAccount account = fixtures.newAccount();
        String order = fixtures.issued(
                account.user(),
                Product.TLS_OV,
                "rejected-" + account.tag() + ".example.com",
                PaymentChoice.card(),
                clock.instant().minus(ofDays(10)));

        // R6, A2: the user asks, the administrator rejects, the order stays issued.
        Browser user = newBrowser();
        user.open("/orders/" + order + "/revoke?lang=en");
        user.signIn(account.user().email(), "secret");
        user.visible(By.cssSelector("input[name=reason][value=key_compromise]")).click();
        user.find(By.cssSelector("form.revoke-form button[type=submit]")).click();
        user.waitUntil(urlMatches("/orders/" + order + "$"));
        assertThat(user.visible(By.cssSelector(".alert-success")).getText())
                .contains("needs an administrator's approval");
        Browser admin = newBrowser();
        admin.open("/requests?lang=en");
        admin.signIn(account.admin().email(), "secret");
        admin.visible(By.xpath(
                        "//tr[@data-kind='revocation'][td/a[text()='" + order + "']]//a[contains(@class,'badge')]"))
                .click();
        admin.waitUntil(urlMatches("/requests/[0-9]+$"));
        admin.find(By.cssSelector("button[data-decision=reject]")).click();
        assertThat(admin.visible(By.cssSelector(".alert-success")).getText())
                .contains("was rejected; the order stays issued");
        admin.open("/orders/" + order);
        assertThat(admin.visible(By.cssSelector("h1 .badge")).getText()).isEqualTo("Issued");

        Checked checked = checkedFromItsUrls(admin);
        Openssl.Result verified = verify(checked);
        assertThat(verified.exit()).isZero();
        assertThat(verified.output().strip()).isEqualTo(checked.leaf() + ": OK");
        assertThat(ocsp(checked))
                .contains("Response verify OK")
                .contains(checked.leaf() + ": good")
                .doesNotContain("revoked");
    }

    /**
     * The certificate as the order page shows it to copy, and what a relying party fetches for it: the
     * issuing CA from the certificate's CA issuers URL, the root from the portal's public CA
     * certificate URL; the CRL and OCSP URLs are the certificate's own, which must be this portal's.
     */
    private Checked checkedFromItsUrls(Browser member) throws Exception {
        WebElement row = member.visible(By.cssSelector("table.lineage tbody tr[data-certificate]"));
        String certificateId = row.getDomAttribute("data-certificate");
        member.find(By.cssSelector("#certificate-" + certificateId + " > summary"))
                .click();
        String pem = member.visible(By.id("pem-" + certificateId)).getDomProperty("value");
        Path leaf = Files.writeString(work.resolve("leaf.pem"), pem);

        String ocspUrl = Openssl.ok("x509", "-noout", "-ocsp_uri", "-in", leaf.toString())
                .strip();
        String crlUrl = uri(Openssl.ok("x509", "-noout", "-ext", "crlDistributionPoints", "-in", leaf.toString()));
        String caIssuersUrl = uri(Openssl.ok("x509", "-noout", "-ext", "authorityInfoAccess", "-in", leaf.toString())
                .lines()
                .filter(line -> line.contains("CA Issuers"))
                .findFirst()
                .orElseThrow());
        assertThat(ocspUrl).isEqualTo(baseUrl() + "/pki/ocsp/tls");
        assertThat(crlUrl).isEqualTo(baseUrl() + "/pki/crl/tls.crl");
        assertThat(caIssuersUrl).isEqualTo(baseUrl() + "/pki/ca/tls.crt");

        Path issuing = Openssl.pemFromDer("x509", fetch(caIssuersUrl, "issuing.der"), work.resolve("issuing.pem"));
        Path root = Openssl.pemFromDer(
                "x509", fetch(baseUrl() + "/pki/ca/tls-root.crt", "root.der"), work.resolve("root.pem"));
        String serial = Openssl.ok("x509", "-noout", "-serial", "-in", leaf.toString())
                .strip()
                .substring("serial=".length());
        return new Checked(leaf, issuing, root, crlUrl, ocspUrl, serial);
    }

    /** What openssl is given to check one certificate; the CRL is fetched afresh for each check. */
    private record Checked(Path leaf, Path issuing, Path root, String crlUrl, String ocspUrl, String serialHex) {

        Path crl() {
            return leaf.resolveSibling("crl.pem");
        }
    }

    /** {@code openssl verify -crl_check} with the CRL as fetched now from the certificate's distribution point. */
    private Openssl.Result verify(Checked checked) throws Exception {
        Path crl = Openssl.pemFromDer("crl", fetch(checked.crlUrl(), "crl.der"), checked.crl());
        return Openssl.verifyWithCrl("-crl_check", checked.root(), checked.issuing(), crl, checked.leaf());
    }

    /** {@code openssl ocsp} asking the responder the certificate names. */
    private static String ocsp(Checked checked) {
        return Openssl.ocsp(checked.issuing(), checked.leaf(), checked.ocspUrl(), checked.root());
    }

    private static String uri(String extension) {
        Matcher uri = URI_IN_EXTENSION.matcher(extension);
        assertThat(uri.find()).as("a URI in%n%s", extension).isTrue();
        return uri.group(1);
    }

    private Path fetch(String url, String file) throws Exception {
        HttpResponse<byte[]> response =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return Files.write(work.resolve(file), response.body());
    }
}
