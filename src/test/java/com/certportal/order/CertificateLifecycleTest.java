package com.certportal.order;

import static com.certportal.support.DomainOrders.card;
import static com.certportal.support.DomainOrders.certificate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.certportal.account.Role;
import com.certportal.action.ActionRefused;
import com.certportal.catalog.Product;
import com.certportal.pki.CaFamily;
import com.certportal.pki.IssuedCertificate;
import com.certportal.support.DomainOrders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** K1, K2, K4, K5, K7, I3 on the order aggregate (no Spring, no database). */
class CertificateLifecycleTest {

    private static final Instant ISSUED = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant REISSUED = ISSUED.plus(Duration.ofDays(10));

    /** An issued order for example.com and www.example.com (CN example.com). */
    private static CertificateOrder issued(int years) {
        CertificateOrder order = CertificateOrder.place(
                "10000001",
                DomainOrders.member(Role.ADMINISTRATOR),
                Product.TLS_DV,
                years,
                RequestType.NEW,
                ServerPlatform.NGINX,
                "example.com",
                List.of("example.com", "www.example.com"),
                card(Product.TLS_DV),
                ISSUED.minusSeconds(3600));
        order.issue("30000001", certificate("01", ISSUED), ISSUED);
        return order;
    }

    private static IssuedCertificate longCertificate(String serial, Instant at) {
        return new IssuedCertificate(
                serial, at, at.plus(Duration.ofDays(199)), "-----BEGIN CERTIFICATE-----", CaFamily.TLS);
    }

    @Test
    void k2ACommonNameChangeSchedulesTheOriginal48HoursAfterTheReissue() {
        CertificateOrder order = issued(1);

        order.reissue(
                "30000002", certificate("02", REISSUED), "shop.example.com", List.of("shop.example.com"), REISSUED);

        Certificate original = order.certificate("30000001");
        assertThat(original.isValid()).isTrue();
        assertThat(original.getRevocationScheduledAt()).isEqualTo(REISSUED.plus(Duration.ofHours(48)));
        assertThat(original.lifecycleAt(REISSUED)).isEqualTo(Certificate.Lifecycle.REVOCATION_PENDING);
        assertThat(order.certificate("30000002").getRevocationScheduledAt()).isNull();
    }

    @Test
    void k2ARemovedSanSchedulesEveryEarlierCertificateCarryingIt() {
        CertificateOrder order = issued(1);
        order.duplicate("30000002", certificate("02", ISSUED.plusSeconds(60)), null, null, ISSUED.plusSeconds(60));

        order.reissue("30000003", certificate("03", REISSUED), "example.com", List.of("example.com"), REISSUED);

        assertThat(order.certificate("30000001").isRevocationPending()).isTrue();
        assertThat(order.certificate("30000002").isRevocationPending()).isTrue();
        assertThat(order.certificate("30000003").isRevocationPending()).isFalse();
    }

    @Test
    void k2AReissueThatOnlyAddsNamesRevokesNothing() {
        CertificateOrder order = issued(1);

        order.reissue(
                "30000002",
                certificate("02", REISSUED),
                "example.com",
                List.of("example.com", "www.example.com", "api.example.com"),
                REISSUED);

        assertThat(order.getCertificates()).noneMatch(Certificate::isRevocationPending);
        assertThat(order.revokeSuperseded("30000001", REISSUED.plus(Duration.ofDays(3))))
                .isFalse();
    }

    @Test
    void k2TheJobRevokesAt48HoursNotASecondBeforeAndOnlyOnce() {
        CertificateOrder order = issued(1);
        order.reissue(
                "30000002", certificate("02", REISSUED), "shop.example.com", List.of("shop.example.com"), REISSUED);

        assertThat(order.revokeSuperseded(
                        "30000001", REISSUED.plus(Duration.ofHours(48)).minusSeconds(1)))
                .isFalse();
        assertThat(order.revokeSuperseded("30000001", REISSUED.plus(Duration.ofHours(48))))
                .isTrue();
        assertThat(order.revokeSuperseded("30000001", REISSUED.plus(Duration.ofHours(49))))
                .isFalse();

        Certificate original = order.certificate("30000001");
        assertThat(original.getRevocationReason()).isEqualTo(RevocationReason.SUPERSEDED);
        assertThat(original.getRevokedAt()).isEqualTo(REISSUED.plus(Duration.ofHours(48)));
        assertThat(order.isIssued()).isTrue();
    }

    @Test
    void k2ALaterReissueNeverPostponesAnAnnouncedRevocation() {
        CertificateOrder order = issued(1);
        order.reissue(
                "30000002", certificate("02", REISSUED), "shop.example.com", List.of("shop.example.com"), REISSUED);
        Instant later = REISSUED.plus(Duration.ofHours(20));

        order.reissue("30000003", certificate("03", later), "api.example.com", List.of("api.example.com"), later);

        assertThat(order.certificate("30000001").getRevocationScheduledAt())
                .isEqualTo(REISSUED.plus(Duration.ofHours(48)));
        assertThat(order.certificate("30000002").getRevocationScheduledAt())
                .isEqualTo(later.plus(Duration.ofHours(48)));
    }

    @Test
    void k1TheOnlyValidCertificateIsNotRevokedAlone() {
        CertificateOrder order = issued(1);

        assertThat(order.offersCertificateRevocation(order.certificate("30000001"), ISSUED))
                .isFalse();
        assertThatThrownBy(() -> order.checkCertificateRevocable("30000001", ISSUED))
                .isInstanceOf(ActionRefused.class)
                .extracting(e -> ((ActionRefused) e).messageKey())
                .isEqualTo("certificate.refused.last-valid");
    }

    @Test
    void k1ACertificateIsRevokedAloneWhileAnotherValidOneServes() {
        CertificateOrder order = issued(1);
        order.duplicate("30000002", certificate("02", REISSUED), null, null, REISSUED);

        order.revokeCertificate(
                "30000001", DomainOrders.member(Role.ADMINISTRATOR), RevocationReason.SUPERSEDED, null, REISSUED);

        assertThat(order.certificate("30000001").isValid()).isFalse();
        assertThat(order.isIssued()).isTrue();
        assertThat(order.getRefundRoute()).isNull();
        assertThat(order.offersCertificateRevocation(order.certificate("30000002"), REISSUED))
                .isFalse();
    }

    @Test
    void k1ACertificatePendingRevocationDoesNotCountAsAnotherValidOne() {
        CertificateOrder order = issued(1);
        order.reissue(
                "30000002", certificate("02", REISSUED), "shop.example.com", List.of("shop.example.com"), REISSUED);

        // The original may be revoked alone (the reissue serves); the reissue may not (the original is going).
        assertThat(order.offersCertificateRevocation(order.certificate("30000001"), REISSUED))
                .isTrue();
        assertThat(order.offersCertificateRevocation(order.certificate("30000002"), REISSUED))
                .isFalse();
    }

    @Test
    void k1AnExpiredCertificateDoesNotCountAsAnotherValidOne() {
        CertificateOrder order = issued(1);
        order.duplicate("30000002", certificate("02", REISSUED), null, null, REISSUED);
        Instant afterTheFirstExpired = ISSUED.plus(Duration.ofDays(91));

        assertThat(order.certificate("30000001").lifecycleAt(afterTheFirstExpired))
                .isEqualTo(Certificate.Lifecycle.EXPIRED);
        assertThat(order.offersCertificateRevocation(order.certificate("30000002"), afterTheFirstExpired))
                .isFalse();
    }

    @Test
    void k4I4AReissueNeverMovesTheFirstIssueDate() {
        CertificateOrder order = issued(1);

        order.reissue("30000002", certificate("02", REISSUED), "example.com", List.of("example.com"), REISSUED);

        assertThat(order.getFirstIssuedAt()).isEqualTo(ISSUED);
        assertThat(order.getCertificates()).hasSize(2);
    }

    @Test
    void i3AReissueRestoresTheMaximumOfTheDayWithinAMultiYearPlan() {
        CertificateOrder order = issued(2);
        Instant reissuedAt = ISSUED.plus(Duration.ofDays(150));

        // Two years bought: 199 days from the reissue fit in the plan, so the reissue gets all of them.
        assertThat(order.certificateNotAfter(reissuedAt)).isEqualTo(reissuedAt.plus(Duration.ofDays(199)));
    }

    @Test
    void i3AReissueNearTheEndOfThePlanGetsOnlyWhatRemains() {
        CertificateOrder order = issued(1);
        Instant reissuedAt = ISSUED.plus(Duration.ofDays(300));

        assertThat(order.certificateNotAfter(reissuedAt))
                .isEqualTo(ISSUED.atOffset(ZoneOffset.UTC).plusYears(1).toInstant());
    }

    @Test
    void k7EachCertificateSaysWhatItCameFrom() {
        CertificateOrder order = issued(1);
        order.reissue("30000002", longCertificate("02", REISSUED), "example.com", List.of("example.com"), REISSUED);
        order.duplicate("30000003", longCertificate("03", REISSUED), null, null, REISSUED.plusSeconds(1));

        assertThat(order.getCertificates())
                .extracting(Certificate::getOrigin, Certificate::getDerivedFrom)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Certificate.Origin.ORIGINAL, null),
                        org.assertj.core.groups.Tuple.tuple(Certificate.Origin.REISSUE, "30000001"),
                        org.assertj.core.groups.Tuple.tuple(Certificate.Origin.DUPLICATE, "30000002"));
    }

    @Test
    void k4K5NothingIsAddedToAnOrderThatIsNotIssued() {
        CertificateOrder pending = DomainOrders.pending(Product.TLS_DV, card(Product.TLS_DV), ISSUED);

        assertThatThrownBy(() -> pending.checkCertificatesCanChange("reissue"))
                .isInstanceOf(ActionRefused.class)
                .extracting(e -> ((ActionRefused) e).messageKey())
                .isEqualTo("reissue.refused.not-issued");
    }
}
