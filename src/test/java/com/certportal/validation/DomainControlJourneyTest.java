package com.certportal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.certportal.audit.AuditAction;
import com.certportal.audit.AuditRecord;
import com.certportal.mail.MailKind;
import com.certportal.mail.OutboxMail;
import com.certportal.order.OrderStatus;
import com.certportal.pki.TestCsrs;
import com.certportal.pki.TestKeys;
import com.certportal.support.ActionIntegrationTest;
import com.certportal.support.Fixtures;
import com.certportal.support.Fixtures.TestAccount;
import com.certportal.support.OrderForm;
import com.certportal.support.Pages;
import com.certportal.support.ValidationServers;
import com.certportal.validation.dcv.HttpFileCheck;
import java.security.KeyPair;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * V1, V4 through the real paths, ending with the order issued (O5): the emailed link (whose page a mail
 * scanner may open without validating anything; only the recipient's confirmation does), a file on the
 * name's web server and a DNS TXT record, both checked on "check now" against local servers
 * ({@link ValidationServers}). A used or expired link is refused and recorded.
 */
class DomainControlJourneyTest extends ActionIntegrationTest {

    private static final KeyPair KEY = TestKeys.ec("secp256r1");
    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/dcv/[A-Za-z0-9_-]+)");
    private static final List<String> APPROVERS =
            List.of("admin", "administrator", "webmaster", "hostmaster", "postmaster");

    @Autowired
    private DomainValidationRepository domainValidations;

    @Autowired
    private Validations validations;

    private TestAccount account;

    @BeforeEach
    void newAccount() {
        // The database keeps instants to the microsecond: the test's frozen clock stands on one, so a
        // validation read back is judged at the instant it was made, as it was when it was made.
        clock.set(clock.instant().truncatedTo(ChronoUnit.MICROS));
        account = fixtures.newAccount();
    }

    @AfterEach
    void takeThePublishedTokensDown() {
        ValidationServers.files().clear();
        ValidationServers.dns().clear();
    }

    @Test
    void theEmailedLinkShowsAPageAndOnlyTheRecipientsConfirmationValidates_V1() {
        String cn = "shop-" + account.tag() + ".example.co.jp";
        String order = place(cn, "email", cn, "www." + cn);

        List<OutboxMail> mails = mails(order);
        assertThat(mails)
                .as("V1: to the constructed addresses of the registrable domain, never of co.jp")
                .extracting(OutboxMail::getRecipient)
                .containsExactlyInAnyOrderElementsOf(
                        APPROVERS.stream().map(a -> a + "@example.co.jp").toList());
        assertThat(mails).allSatisfy(mail -> assertThat(mail.getKind()).isEqualTo(MailKind.DOMAIN_VALIDATION));
        String link = linkIn(mails.get(0));
        assertThat(mails).allSatisfy(mail -> assertThat(linkIn(mail)).isEqualTo(link));

        // A mail scanner (or the recipient) opens the link: a page, and nothing validated.
        for (int visit = 0; visit < 2; visit++) {
            MvcTestResult page = mvc.get().uri(link).exchange();
            assertThat(page).hasStatusOk();
            assertThat(Pages.main(body(page)))
                    .contains(shown("dcv.heading", "example.co.jp"))
                    .contains("action=\"" + link + "\"")
                    .contains(shown("dcv.confirm"))
                    .as("the mailbox holder sees which names of the certificate the confirmation covers")
                    .contains(shown("dcv.certificate-names"), cn, "www." + cn);
        }
        assertThat(state(order).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(fixtures.pendingEmailTokens(order)).hasSize(1);

        MvcTestResult confirmed = mvc.post().uri(link).with(csrf()).exchange();

        assertThat(confirmed).hasStatusOk();
        assertThat(body(confirmed)).contains(shown("dcv.confirmed", "example.co.jp"));
        assertThat(state(order).status()).as("O5: issued at once").isEqualTo(OrderStatus.ISSUED);
        assertThat(history(order, AuditAction.DOMAIN_VALIDATED)).singleElement().satisfies(r -> {
            assertThat(r.getOutcome()).isEqualTo(AuditRecord.Outcome.DONE);
            assertThat(r.getDetail()).contains("example.co.jp");
        });

        MvcTestResult reused = mvc.post().uri(link).with(csrf()).exchange();

        assertThat(reused).hasStatus(HttpStatus.CONFLICT);
        assertThat(body(reused)).contains(shown("dcv.refused.used")).doesNotContain(shown("dcv.confirm"));
        assertRefusalRecorded(order, "dcv.refused.used");
        assertThat(history(order, AuditAction.ORDER_ISSUED)).as("issued once").hasSize(1);
    }

    @Test
    void anExpiredLinkIsRefusedAndRecordedAndValidatesNothing_V1() {
        String cn = "late-" + account.tag() + ".example.com";
        String order = place(cn, "email", cn);
        String link = linkIn(mails(order).get(0));

        clock.advance(DomainValidation.TOKEN_LIFETIME.plusSeconds(1));

        MvcTestResult page = mvc.get().uri(link).exchange();
        assertThat(page).hasStatusOk();
        assertThat(Pages.main(body(page)))
                .contains(shown("dcv.refused.expired"))
                .doesNotContain("action=\"" + link + "\"");
        MvcTestResult confirmed = mvc.post().uri(link).with(csrf()).exchange();
        assertThat(confirmed).hasStatus(HttpStatus.CONFLICT);
        assertThat(body(confirmed)).contains(shown("dcv.refused.expired"));
        assertThat(state(order).status()).isEqualTo(OrderStatus.PENDING);
        assertRefusalRecorded(order, "dcv.refused.expired");
    }

    @Test
    void aLinkThatWasNeverSentIsNotFound_V1() {
        assertThat(mvc.get().uri("/dcv/" + "A".repeat(43)).exchange()).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/dcv/" + "A".repeat(43)).with(csrf()).exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aFileOnEachNamesWebServerValidatesItOnCheckNow_V1_V4() {
        List<String> names = ValidationServers.HTTP_FILE_NAMES;
        String order = place(names.get(0), "http_file", names.toArray(String[]::new));
        Map<String, String> tokens = tokensByName(order);
        assertThat(tokens).containsOnlyKeys(names);
        String page = Pages.main(body(get(account.admin(), "/orders/" + order)));
        for (String name : names) {
            assertThat(page)
                    .as("V4: the exact instructions")
                    .contains(HttpFileCheck.url(name))
                    .contains(tokens.get(name));
        }
        assertThat(page).contains("action=\"/orders/" + order + "/validation/check\"");

        MvcTestResult tooEarly = checkNow(order);

        assertThat(notices(tooEarly))
                .containsExactly(text("validation.checked.some-pending", Locale.ENGLISH, order, 2));
        assertThat(state(order).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(Pages.main(body(get(account.admin(), "/orders/" + order))))
                .as("V4: the last check's outcome")
                .contains(shown("validation.check.not-found"));

        ValidationServers.files().serve(names.get(0), tokens.get(names.get(0)) + "\n");
        assertThat(notices(checkNow(order)))
                .containsExactly(text("validation.checked.some-pending", Locale.ENGLISH, order, 1));
        assertThat(state(order).status()).isEqualTo(OrderStatus.PENDING);

        ValidationServers.files().serve(names.get(1), tokens.get(names.get(1)) + "\n");
        MvcTestResult done = checkNow(order);

        assertThat(notices(done)).containsExactly(text("validation.checked.all-done", Locale.ENGLISH, order));
        assertThat(state(order).status()).as("O5: issued at once").isEqualTo(OrderStatus.ISSUED);
        assertThat(ValidationServers.files().hostsSeen()).contains(names.get(0), names.get(1));
        assertThat(history(order, AuditAction.DOMAIN_VALIDATED)).hasSize(2);
    }

    @Test
    void aDnsTxtRecordValidatesTheNameAndItsWildcardOnCheckNow_V1_V4() {
        String base = "dns-" + account.tag() + ".example.org";
        String order = place(base, "dns_txt", base, "*." + base);
        Map<String, String> tokens = tokensByName(order);
        assertThat(tokens).as("V1: a wildcard is validated on its base domain").containsOnlyKeys(base);
        assertThat(Pages.main(body(get(account.admin(), "/orders/" + order))))
                .contains("_dnsauth." + base)
                .contains(tokens.get(base));
        assertThat(notices(checkNow(order)))
                .containsExactly(text("validation.checked.some-pending", Locale.ENGLISH, order, 1));

        ValidationServers.dns().addTxt("_dnsauth." + base, tokens.get(base));
        MvcTestResult done = checkNow(order);

        assertThat(notices(done)).containsExactly(text("validation.checked.all-done", Locale.ENGLISH, order));
        assertThat(state(order).status()).isEqualTo(OrderStatus.ISSUED);
        List<String> names = fixtures.withOrder(order, o -> List.copyOf(o.getSubjectAltNames()));
        assertThat(names).containsExactly(base, "*." + base);
    }

    /** V4: the background job checks pending file and DNS validations without anyone asking. */
    @Test
    void theBackgroundJobChecksPendingValidationsAndTheOrderIsIssued_V4() {
        String base = "job-" + account.tag() + ".example.org";
        String order = place(base, "dns_txt", base);
        ValidationServers.dns().addTxt("_dnsauth." + base, tokensByName(order).get(base));

        assertThat(validations.recheckDue(1000)).isPositive();

        assertThat(state(order).status()).isEqualTo(OrderStatus.ISSUED);
        assertThat(history(order, AuditAction.DOMAIN_VALIDATED))
                .singleElement()
                .satisfies(r ->
                        assertThat(r.getActorId()).as("the job, not a member").isNull());
    }

    /** V3: a name the account validated recently is not validated again; another account's must be. */
    @Test
    void aNameTheAccountValidatedIsReusedByItsNextOrderNotByAnotherAccounts_V3() {
        String cn = "again-" + account.tag() + ".example.net";
        fixtures.validatedAndIssued(account.admin(), cn, Fixtures.freshKey());
        String form = TestCsrs.pem(KEY, "CN=" + cn, cn, "www." + cn);

        MvcTestResult preview = post(
                account.admin(),
                "/orders/new",
                OrderForm.submitting(form).preview().pairs());
        assertThat(Pages.main(body(preview))).contains(shown("new.preview.validation.reused", cn + ", www." + cn));
        String reusing = OrderForm.placedOrder(
                post(account.admin(), "/orders/new", OrderForm.submitting(form).pairs()));

        assertThat(state(reusing).status()).as("issued at once").isEqualTo(OrderStatus.ISSUED);
        assertThat(mails(reusing)).isEmpty();

        TestAccount other = fixtures.newAccount();
        String elsewhere = OrderForm.placedOrder(
                post(other.admin(), "/orders/new", OrderForm.submitting(form).pairs()));
        assertThat(state(elsewhere).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(mails(elsewhere)).isNotEmpty();
    }

    /** O1: the administrator's order from a CSR for {@code names}, validated by {@code method}. */
    private String place(String cn, String method, String... names) {
        MvcTestResult placed = post(
                account.admin(),
                "/orders/new",
                OrderForm.submitting(TestCsrs.pem(KEY, "CN=" + cn, names))
                        .with("dcvMethod", method)
                        .pairs());
        String order = OrderForm.placedOrder(placed);
        assertThat(state(order).status()).isEqualTo(OrderStatus.PENDING);
        return order;
    }

    /** "Check now", a minute after the last action (the database keeps instants to the microsecond). */
    private MvcTestResult checkNow(String order) {
        clock.advance(Duration.ofMinutes(1));
        MvcTestResult result = post(account.admin(), "/orders/" + order + "/validation/check");
        assertThat(result).hasStatus3xxRedirection();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/orders/" + order + "#validation");
        return result;
    }

    private Map<String, String> tokensByName(String order) {
        return domainValidations.findByOrderIdOrderByIdAsc(state(order).id()).stream()
                .collect(Collectors.toMap(DomainValidation::getName, DomainValidation::getToken));
    }

    /** The path of the link the mail carries (the portal's address in front of it is configuration). */
    private static String linkIn(OutboxMail mail) {
        Matcher matcher = LINK.matcher(mail.getBody());
        assertThat(matcher.find()).as("a link in:%n%s", mail.getBody()).isTrue();
        return matcher.group(1);
    }

    private void assertRefusalRecorded(String order, String detail) {
        assertThat(refusals(account.id()))
                .filteredOn(r -> order.equals(r.getOrderNumber()))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.getAction()).isEqualTo(AuditAction.DOMAIN_VALIDATED);
                    assertThat(r.getDetail()).isEqualTo(detail);
                });
    }
}
