package com.certportal.orderpage;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.order.Certificate;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.Pages;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.util.HtmlUtils;

/**
 * D1 item 2, D3: the order page tells what the certificate itself says (issuer, serial, validity, key,
 * signature algorithm, thumbprints, SANs, the PEM) and the days left beside its expiry, in both
 * languages. The expected values are computed here from the certificate, not read from the portal.
 */
class CertificateDetailsPageTest extends ActionIntegrationTest {

    private static final Instant ISSUED = Instant.parse("2026-07-01T01:00:00Z");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss z");

    private TestAccount account;
    private String cn;
    private String order;
    private Certificate certificate;
    private X509Certificate leaf;

    @BeforeEach
    void anIssuedOrder() throws Exception {
        clock.set(ISSUED);
        account = fixtures.newAccount();
        cn = "details-" + account.tag() + ".example.com";
        order = fixtures.validatedAndIssued(account.admin(), cn, Fixtures.freshKey());
        certificate = fixtures.withOrder(order, o -> o.getCertificates().get(0));
        leaf = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(
                        new ByteArrayInputStream(certificate.getPem().getBytes(StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void d1TheOrderPageShowsWhatTheCertificateSays(String tag) throws Exception {
        Locale language = Locale.forLanguageTag(tag);
        String text = readIn(language, account.admin(), "/orders/" + order);

        assertThat(text)
                .contains(label("certificate.issuer", language) + " "
                        + leaf.getIssuerX500Principal().getName(X500Principal.RFC2253))
                .contains(label("certificate.subject", language) + " "
                        + leaf.getSubjectX500Principal().getName(X500Principal.RFC2253))
                .contains(label("order.certificate.serial", language) + " "
                        + colons(leaf.getSerialNumber().toString(16)))
                .contains(label("certificate.validity", language) + " "
                        + text(
                                "certificate.validity.range",
                                language,
                                precise(leaf.getNotBefore().toInstant(), language),
                                precise(leaf.getNotAfter().toInstant(), language)))
                .contains(label("certificate.key", language) + " "
                        + text(
                                "certificate.key.value",
                                language,
                                "EC",
                                ((ECPublicKey) leaf.getPublicKey())
                                        .getParams()
                                        .getCurve()
                                        .getField()
                                        .getFieldSize()))
                .contains(label("certificate.signature", language) + " " + leaf.getSigAlgName())
                .contains(label("certificate.sha256", language) + " " + thumbprint("SHA-256"))
                .contains(label("certificate.sha1", language) + " " + thumbprint("SHA-1"))
                .contains(label("order.sans", language) + " " + cn + " www." + cn);
        assertThat(thumbprint("SHA-256")).hasSize(32 * 3 - 1);
        assertThat(text(
                        "certificate.key.value",
                        language,
                        "EC",
                        ((ECPublicKey) leaf.getPublicKey())
                                .getParams()
                                .getCurve()
                                .getField()
                                .getFieldSize()))
                .contains("256");

        String page = body(getIn(language, account.admin(), "/orders/" + order));
        Matcher pem = Pattern.compile(
                        "<textarea[^>]*id=\"pem-" + certificate.getCertificateId() + "\"[^>]*>(.*?)</textarea>",
                        Pattern.DOTALL)
                .matcher(page);
        assertThat(pem.find()).as("the PEM to copy").isTrue();
        X509Certificate copied = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(
                        HtmlUtils.htmlUnescape(pem.group(1)).strip().getBytes(StandardCharsets.US_ASCII)));
        assertThat(copied).isEqualTo(leaf);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void d3TheDaysLeftBesideTheExpiryFollowTheClock(String tag) {
        Locale language = Locale.forLanguageTag(tag);
        Instant expiry = certificate.getExpiresAt();

        clock.set(expiry.minus(Duration.ofDays(40)).minus(Duration.ofHours(3)));
        assertThat(daysLeft(language)).isEqualTo(text("order.certificate.days-left", language, 40));
        assertThat(body(getIn(language, account.admin(), "/orders/" + order)))
                .as("40 days left is not yet a warning")
                .contains("class=\"small days-left\"");

        clock.set(expiry.minus(Duration.ofDays(29)).plusSeconds(1));
        assertThat(daysLeft(language)).isEqualTo(text("order.certificate.days-left", language, 28));
        assertThat(body(getIn(language, account.admin(), "/orders/" + order)))
                .contains("class=\"small days-left warn\"");

        clock.set(expiry.minusSeconds(1));
        assertThat(daysLeft(language)).isEqualTo(text("order.certificate.days-left", language, 0));

        clock.set(expiry);
        assertThat(daysLeft(language)).isEqualTo(text("order.certificate.expired", language));
    }

    /** The text of the certificate row's days-left note. */
    private String daysLeft(Locale language) {
        String page = body(getIn(language, account.admin(), "/orders/" + order));
        Matcher row = Pattern.compile(
                        "<tr[^>]*data-certificate=\"" + certificate.getCertificateId() + "\".*?</tr>", Pattern.DOTALL)
                .matcher(page);
        assertThat(row.find()).isTrue();
        Matcher note = Pattern.compile("<span class=\"small days-left[^\"]*\">([^<]*)</span>")
                .matcher(row.group());
        assertThat(note.find()).as("a days-left note in the row").isTrue();
        return Pages.visibleText(note.group(1));
    }

    private String label(String key, Locale language) {
        return text(key, language);
    }

    /** As the member reads times, in their zone, to the second. */
    private String precise(Instant instant, Locale language) {
        return SECONDS.withLocale(language)
                .format(instant.atZone(account.admin().zone()));
    }

    private String thumbprint(String digest) throws Exception {
        return colons(HexFormat.of().formatHex(MessageDigest.getInstance(digest).digest(leaf.getEncoded())));
    }

    /** AB:CD:EF, upper case, an even number of digits. */
    private static String colons(String hex) {
        String even = (hex.length() % 2 == 0 ? hex : "0" + hex).toUpperCase(Locale.ROOT);
        return String.join(":", even.split("(?<=\\G..)"));
    }
}
