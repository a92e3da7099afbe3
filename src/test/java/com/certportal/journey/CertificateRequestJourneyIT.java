package com.certportal.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;

import com.certportal.pki.Openssl;
import com.certportal.pki.PkiFixtures;
import com.certportal.support.Browser;
import com.certportal.support.BrowserJourneyTest;
import com.certportal.support.Fixtures.TestAccount;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 6 end to end in Chromium, as the README's "What to try first" walks a newcomer through it: a
 * CSR made by the openssl command line, requested by a user (O1), approved by an administrator (O4),
 * its domain confirmed through the link the user finds on the Mail page (V1), issued at once (I1,
 * I4), and the downloaded chain verified by openssl up to the root. In an account of its own, where
 * no domain is validated yet: an order placed in the demo's Example Corp would head its order list
 * (and the screenshots taken of it) for the rest of the run.
 */
class CertificateRequestJourneyIT extends BrowserJourneyTest {

    private static final Pattern DCV_LINK = Pattern.compile("https?://\\S+/dcv/[A-Za-z0-9_-]+");

    @Test
    void userRequestsFromAnOpensslCsrAdministratorApprovesTheMailedLinkIsConfirmedAndOpensslVerifiesTheChain()
            throws Exception {
        // openssl judges the certificate's validity by the real time, so the portal issues on it.
        clock.reset();
        TestAccount account = fixtures.newAccount();
        String name = "www." + account.tag() + ".example.net";
        Path work = Files.createDirectories(Path.of("target", "journeys", name)).toAbsolutePath();
        Path csr = work.resolve("www.csr");
        Openssl.ok(
                "req",
                "-new",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-subj",
                "/CN=" + name,
                "-keyout",
                work.resolve("www.key").toString(),
                "-out",
                csr.toString());

        // O1: from the order list to the form; checking it shows the names, price, validity and next steps.
        Browser user = newBrowser();
        user.open("/login?lang=en");
        user.signIn(account.user().email(), "secret");
        user.waitUntil(urlMatches("/orders$"));
        user.find(By.linkText("Request a certificate")).click();
        user.waitUntil(urlMatches("/orders/new$"));
        WebElement preview = RequestSteps.fillAndCheck(user, Files.readString(csr));
        assertThat(preview.findElement(By.cssSelector("dd.cn")).getText()).isEqualTo(name);
        assertThat(preview.getText())
                .contains("TLS/SSL DV", "RSA 2048 bits", "Valid for", "JPY")
                .contains("An administrator of your account approves the order before it is placed.")
                .contains("Names to validate: " + name);

        // O4: the user's order waits for an administrator, who approves it on Certificate requests.
        String orderNumber = RequestSteps.submitForApproval(user);
        assertThat(user.visible(By.cssSelector(".alert-success")).getText())
                .contains("Order request " + orderNumber + " was submitted");
        Browser admin = newBrowser();
        admin.open("/requests?lang=en");
        admin.signIn(account.admin().email(), "secret");
        assertThat(RequestSteps.approve(admin, orderNumber).getText())
                .contains("Order " + orderNumber + " was approved and placed");

        // V1, V4: the order is pending; its link went to the constructed addresses of example.net.
        user.open("/orders/" + orderNumber);
        assertThat(user.visible(By.cssSelector("h1 .badge")).getText()).isEqualTo("Pending");
        assertThat(user.find(By.cssSelector("section.validation")).getText())
                .contains("admin@example.net", "postmaster@example.net");

        // V1: on the Mail page, each mail to example.net's administrators carries the one link.
        user.find(By.linkText("Mail")).click();
        user.waitUntil(urlMatches("/mail$"));
        List<WebElement> mails = user.findAll(
                By.xpath("//article[contains(@class,'mail')][.//pre[contains(@class,'mail-body')][contains(., '"
                        + orderNumber + "')]]"));
        assertThat(mails)
                .extracting(
                        mail -> mail.findElement(By.cssSelector("dl.facts dd")).getText())
                .containsExactlyInAnyOrder(
                        "admin@example.net",
                        "administrator@example.net",
                        "webmaster@example.net",
                        "hostmaster@example.net",
                        "postmaster@example.net");
        List<String> links = mails.stream()
                .map(mail -> dcvLink(
                        mail.findElement(By.cssSelector("pre.mail-body")).getText()))
                .distinct()
                .toList();
        assertThat(links).singleElement().asString().startsWith(baseUrl() + "/dcv/");

        // V1: following the link shows the confirmation page; only its button confirms.
        user.openUrl(links.get(0));
        assertThat(user.visible(By.tagName("h1")).getText()).isEqualTo("Confirm control of example.net");
        assertThat(user.find(By.cssSelector("dl.facts")).getText()).contains(orderNumber);
        user.find(By.cssSelector("form[action^='/dcv/'] button[type=submit]")).click();
        assertThat(user.visible(By.cssSelector(".alert-success.confirmed")).getText())
                .isEqualTo("Thank you. Control of example.net is confirmed.");

        // I1, I4: validated, so issued at once; the whole chain downloads as PEM.
        user.open("/orders/" + orderNumber);
        assertThat(user.visible(By.cssSelector("h1 .badge")).getText()).isEqualTo("Issued");
        WebElement certificate = user.find(By.cssSelector("table.lineage tbody tr[data-certificate]"));
        String certificateId = certificate.getDomAttribute("data-certificate");
        user.find(By.cssSelector("#certificate-" + certificateId + " > summary"))
                .click();
        user.visible(By.cssSelector("#certificate-" + certificateId + " a[data-download=pem_all]"))
                .click();
        Path chain = user.downloaded(name + "_" + certificateId + ".pem");

        List<X509Certificate> certificates = certificates(chain);
        assertThat(certificates).hasSize(3);
        Path leaf = Files.writeString(work.resolve("www.pem"), PkiFixtures.pem(certificates.get(0)));
        Path issuing = Files.writeString(work.resolve("issuing.pem"), PkiFixtures.pem(certificates.get(1)));
        Path root = Files.writeString(work.resolve("root.pem"), PkiFixtures.pem(certificates.get(2)));
        String verified =
                Openssl.ok("verify", "-CAfile", root.toString(), "-untrusted", issuing.toString(), leaf.toString());
        assertThat(verified.strip()).isEqualTo(leaf + ": OK");
        // The certificate is for the key the CSR carried, and names the requested domain.
        assertThat(Openssl.ok("x509", "-noout", "-pubkey", "-in", leaf.toString()))
                .isEqualTo(Openssl.ok("req", "-noout", "-pubkey", "-in", csr.toString()));
        assertThat(Openssl.ok("x509", "-noout", "-ext", "subjectAltName", "-in", leaf.toString()))
                .contains("DNS:" + name);
        assertThat(user.consoleErrors()).isEmpty();
        assertThat(admin.consoleErrors()).isEmpty();
    }

    private static String dcvLink(String mailBody) {
        Matcher link = DCV_LINK.matcher(mailBody);
        assertThat(link.find()).as("a confirmation link in%n%s", mailBody).isTrue();
        return link.group();
    }

    private static List<X509Certificate> certificates(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
        }
    }
}
