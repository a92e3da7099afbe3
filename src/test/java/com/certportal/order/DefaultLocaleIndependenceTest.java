package com.certportal.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.account.Account;
import com.certportal.account.Member;
import com.certportal.account.Role;
import com.certportal.catalog.Product;
import com.certportal.support.DomainOrders;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * URL values, message keys and stored names must not depend on the server's default locale: with a
 * Turkish default, "I".toLowerCase() is a dotless "ı", which would turn `?status=issued` into a 400,
 * message keys into missing ones and "ISSUED.example.com" into a name no search finds (L2, L4).
 * Fails today: the enums' key() methods and CertificateOrder (place, reissue) call toLowerCase()
 * without Locale.ROOT, while OrderFinder, Member and SubjectAltNames already use Locale.ROOT.
 */
class DefaultLocaleIndependenceTest {

    private Locale saved;

    @BeforeEach
    void turkishServer() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    @Test
    void urlValuesAndMessageKeysAreTheSameWhateverTheDefaultLocale() {
        assertThat(OrderStatus.ISSUED.key()).isEqualTo("issued");
        assertThat(OrderStatus.fromKey("issued")).contains(OrderStatus.ISSUED);
        assertThat(Role.ADMINISTRATOR.key()).isEqualTo("administrator");
        assertThat(Product.PRIVATE.key()).isEqualTo("product.private");
        assertThat(Product.CODE_SIGNING.key()).isEqualTo("product.code_signing");
        assertThat(PaymentMethod.CREDIT_CARD.key()).isEqualTo("payment.credit_card");
        assertThat(RequestType.RENEWAL.key()).isEqualTo("request-type.renewal");
        assertThat(ServerPlatform.MICROSOFT_IIS.key()).isEqualTo("platform.microsoft_iis");
        assertThat(Certificate.Status.VALID.key()).isEqualTo("certificate-status.valid");
        assertThat(RevocationReason.fromKey("affiliation_changed")).contains(RevocationReason.AFFILIATION_CHANGED);
    }

    @Test
    void commonNamesAreStoredLowerCaseWhateverTheDefaultLocale() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Member requester =
                new Member(new Account("Example Corp", now), "user@example.com", "U", Role.USER, "x", "en", now);
        CertificateOrder order = CertificateOrder.place(
                "10000001",
                requester,
                Product.TLS_DV,
                1,
                RequestType.NEW,
                ServerPlatform.NGINX,
                "ISSUED-INFO.Example.com",
                List.of("ISSUED-INFO.Example.com"),
                Payment.creditCard(BigDecimal.TEN),
                now);

        assertThat(order.getCommonName()).isEqualTo("issued-info.example.com");
        assertThat(order.getSubjectAltNames()).containsExactly("issued-info.example.com");
        order.issue("300000001", DomainOrders.certificate("S1", now), now);
        order.reissue(
                "300000002", DomainOrders.certificate("S2", now), "INFO.example.com", List.of("INFO.example.com"), now);
        assertThat(order.getCommonName()).isEqualTo("info.example.com");
    }
}
