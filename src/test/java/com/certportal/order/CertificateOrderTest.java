package com.certportal.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.certportal.account.Account;
import com.certportal.account.Member;
import com.certportal.account.Role;
import com.certportal.action.ActionRefused;
import com.certportal.catalog.Product;
import com.certportal.support.DomainOrders;
import com.certportal.token.HardwareToken;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The order aggregate on its own, without Spring or a database: every move it allows and refuses, and
 * the time rules (R3, K2) sitting exactly on their boundaries.
 */
class CertificateOrderTest {

    private static final Instant PLACED = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant ISSUED = Instant.parse("2026-03-02T03:04:05Z");

    private final Member requester = new Member(
            new Account("Example Corp", PLACED),
            "User@Example.com",
            "Taro Suzuki",
            Role.USER,
            "{noop}secret",
            "ja",
            PLACED);

    private final AtomicInteger certificateIds = new AtomicInteger(300_000_001);

    @Nested
    class Placing {

        @Test
        void aPlacedOrderIsPendingWithoutFirstIssueDateOrCertificate() {
            CertificateOrder order = pending(Product.TLS_OV);

            assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING);
            assertThat(order.getFirstIssuedAt()).isNull();
            assertThat(order.getCertificates()).isEmpty();
            assertThat(order.currentCertificate()).isEmpty();
            assertThat(order.getCreatedAt()).isEqualTo(PLACED);
            assertThat(order.getRequester()).isSameAs(requester);
        }

        @Test
        void commonNameAndSansAreStoredTrimmedLowerCaseAndWithoutDuplicates() {
            CertificateOrder order = CertificateOrder.place(
                    "10000001",
                    requester,
                    Product.TLS_DV,
                    1,
                    RequestType.NEW,
                    ServerPlatform.NGINX,
                    "  Shop.Example.COM ",
                    List.of("Shop.Example.COM", " WWW.shop.example.com", "shop.example.com", " "),
                    Payment.creditCard(BigDecimal.TEN),
                    PLACED);

            assertThat(order.getCommonName()).isEqualTo("shop.example.com");
            assertThat(order.getSubjectAltNames()).containsExactly("shop.example.com", "www.shop.example.com");
        }

        @ParameterizedTest
        @CsvSource({"0", "4", "-1"})
        void validityOutsideOneToThreeYearsIsRefused(int years) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CertificateOrder.place(
                            "10000001",
                            requester,
                            Product.TLS_DV,
                            years,
                            RequestType.NEW,
                            ServerPlatform.NGINX,
                            "a.example.com",
                            List.of("a.example.com"),
                            Payment.creditCard(BigDecimal.TEN),
                            PLACED));
        }

        /** P6: a hardware token comes only with (EV) code signing. */
        @Test
        void aHardwareTokenCanOnlyBeBoughtWithCodeSigning() {
            assertThatIllegalArgumentException().isThrownBy(() -> place(Product.TLS_OV, withToken()));

            assertThat(place(Product.CODE_SIGNING, withToken()).getPayment().hasHardwareToken())
                    .isTrue();
            assertThat(place(Product.EV_CODE_SIGNING, withToken()).getPayment().hasHardwareToken())
                    .isTrue();
        }

        private Payment withToken() {
            return Payment.creditCard(BigDecimal.TEN)
                    .withHardwareToken(new HardwareToken(1L, "HWT-1", PLACED), BigDecimal.ONE);
        }
    }

    @Nested
    class Issuing {

        @Test
        void issuingMakesTheOrderIssuedAndSetsTheFirstIssueDate() {
            CertificateOrder order = pending(Product.TLS_OV);

            Certificate certificate = order.issue("300000001", DomainOrders.certificate("SERIAL-1", ISSUED), ISSUED);

            assertThat(order.getStatus()).isEqualTo(OrderStatus.ISSUED);
            assertThat(order.getFirstIssuedAt()).isEqualTo(ISSUED);
            assertThat(order.getCertificates()).containsExactly(certificate);
            assertThat(certificate.isValid()).isTrue();
            assertThat(certificate.getCommonName()).isEqualTo(order.getCommonName());
            assertThat(certificate.getSubjectAltNames()).isEqualTo(order.getSubjectAltNames());
            assertThat(certificate.getIssuedAt()).isEqualTo(ISSUED);
            assertThat(order.currentCertificate()).contains(certificate);
        }

        /** The first issue date is set once: a second issue is refused and leaves it alone. */
        @Test
        void anIssuedOrderCannotBeIssuedAgainAndKeepsItsFirstIssueDate() {
            CertificateOrder order = issued(Product.TLS_OV);

            assertThatThrownBy(() -> order.issue(
                            "300000009",
                            DomainOrders.certificate("SERIAL-9", ISSUED.plus(Duration.ofDays(3))),
                            ISSUED.plus(Duration.ofDays(3))))
                    .isInstanceOf(ActionRefused.class);

            assertThat(order.getFirstIssuedAt()).isEqualTo(ISSUED);
            assertThat(order.getCertificates()).hasSize(1);
        }

        @Test
        void aCanceledOrderCannotBeIssued() {
            CertificateOrder order = pending(Product.TLS_OV);
            order.cancel(requester, PLACED.plusSeconds(60));

            assertThatThrownBy(() -> order.issue("300000009", DomainOrders.certificate("SERIAL-9", ISSUED), ISSUED))
                    .isInstanceOf(ActionRefused.class);
            assertThat(order.getFirstIssuedAt()).isNull();
        }
    }

    @Nested
    class Reissuing {

        @Test
        void aReissueAddsACertificateAndNeverMovesTheFirstIssueDate() {
            CertificateOrder order = issued(Product.TLS_OV);
            Instant reissuedAt = ISSUED.plus(Duration.ofDays(200));

            Certificate second = reissue(order, "shop.example.com", reissuedAt);
            Certificate third = reissue(order, "shop.example.com", reissuedAt.plus(Duration.ofDays(10)));

            assertThat(order.getFirstIssuedAt()).isEqualTo(ISSUED);
            assertThat(order.getCertificates()).hasSize(3).endsWith(second, third);
            assertThat(order.currentCertificate()).contains(third);
            assertThat(order.refundDeadline()).isEqualTo(ISSUED.plus(Duration.ofDays(30)));
        }

        /** K2: a new common name schedules the original's revocation, due 48 hours later (revoked by 72 h). */
        @Test
        void aReissueWithANewCommonNameSchedulesTheOriginalsRevocationFortyEightHoursLater() {
            CertificateOrder order = issued(Product.TLS_OV);
            Certificate original = order.getCertificates().get(0);
            Instant reissuedAt = ISSUED.plus(Duration.ofDays(5));

            Certificate replacement = reissue(order, "New.Example.com", reissuedAt);

            assertThat(original.getRevocationScheduledAt()).isEqualTo(reissuedAt.plus(Duration.ofHours(48)));
            assertThat(Duration.between(reissuedAt, original.getRevocationScheduledAt()))
                    .isBetween(Duration.ofHours(48), Duration.ofHours(72));
            assertThat(original.isValid()).as("revoked later, not now").isTrue();
            assertThat(replacement.getRevocationScheduledAt()).isNull();
            assertThat(replacement.getCommonName()).isEqualTo("new.example.com");
            assertThat(order.getCommonName()).isEqualTo("new.example.com");
            assertThat(order.getStatus()).isEqualTo(OrderStatus.ISSUED);
        }

        /** K2: the same common name and names (whatever their case or spacing) revoke nothing. */
        @Test
        void aReissueWithTheSameCommonNameSchedulesNothing() {
            CertificateOrder order = issued(Product.TLS_OV);
            Certificate original = order.getCertificates().get(0);

            Instant at = ISSUED.plus(Duration.ofDays(5));
            order.reissue(
                    nextCertificateId(),
                    DomainOrders.certificate("SERIAL-SAME", at),
                    "  SHOP.example.com ",
                    List.of(" SHOP.example.com", "WWW.shop.example.com "),
                    at);

            assertThat(order.getCertificates()).allSatisfy(c -> {
                assertThat(c.getRevocationScheduledAt()).isNull();
                assertThat(c.isValid()).isTrue();
            });
            assertThat(original.getRevocationScheduledAt()).isNull();
        }

        @Test
        void onlyAnIssuedOrderCanBeReissued() {
            CertificateOrder pending = pending(Product.TLS_OV);
            CertificateOrder revoked = issued(Product.TLS_OV);
            revoked.revoke(requester, RevocationReason.UNSPECIFIED, null, ISSUED.plusSeconds(1), ISSUED.plusSeconds(1));

            for (CertificateOrder order : List.of(pending, revoked)) {
                int before = order.getCertificates().size();
                assertThatThrownBy(() -> reissue(order, "shop.example.com", ISSUED.plus(Duration.ofDays(1))))
                        .isInstanceOf(ActionRefused.class)
                        .satisfies(e ->
                                assertThat(((ActionRefused) e).messageKey()).isEqualTo("reissue.refused.not-issued"));
                assertThat(order.getCertificates()).hasSize(before);
            }
        }
    }

    @Nested
    class Canceling {

        /** C1, C3: a pending order is cancelled. */
        @Test
        void aPendingOrderIsCanceled() {
            CertificateOrder order = pending(Product.TLS_OV);
            Instant canceledAt = PLACED.plus(Duration.ofHours(3));

            order.cancel(requester, canceledAt);

            assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELED);
            assertThat(order.getCanceledAt()).isEqualTo(canceledAt);
            assertThat(order.canCancel()).isFalse();
        }

        /** C1: issued, canceled and revoked orders are refused, and stay as they were. */
        @Test
        void onlyAPendingOrderCanBeCanceled() {
            CertificateOrder issued = issued(Product.TLS_OV);
            CertificateOrder canceled = pending(Product.TLS_OV);
            canceled.cancel(requester, PLACED.plusSeconds(1));
            CertificateOrder revoked = issued(Product.TLS_OV);
            revoked.revoke(requester, RevocationReason.UNSPECIFIED, null, ISSUED.plusSeconds(1), ISSUED.plusSeconds(1));

            for (CertificateOrder order : List.of(issued, canceled, revoked)) {
                OrderStatus before = order.getStatus();
                Instant canceledAtBefore = order.getCanceledAt();
                assertThat(order.canCancel()).as("%s", before).isFalse();
                assertThatThrownBy(() -> order.cancel(requester, ISSUED.plus(Duration.ofDays(1))))
                        .isInstanceOf(ActionRefused.class)
                        .hasMessageContaining(before.name())
                        .satisfies(e -> assertThat(((ActionRefused) e).messageKey())
                                .isEqualTo("order.refused.cancel-not-pending"));
                assertThat(order.getStatus()).isEqualTo(before);
                assertThat(order.getCanceledAt()).isEqualTo(canceledAtBefore);
            }
        }
    }

    @Nested
    class Revoking {

        /** R5: the products a customer may revoke in the portal. */
        @ParameterizedTest
        @EnumSource(
                value = Product.class,
                names = {"TLS_DV", "TLS_OV", "TLS_EV", "CODE_SIGNING"})
        void anIssuedOrderOfAPortalRevocableProductIsRevoked(Product product) {
            CertificateOrder order = issued(product);
            Instant at = ISSUED.plus(Duration.ofDays(3));

            assertThat(order.canRevoke()).isTrue();
            assertThat(order.needsSupportToRevoke()).isFalse();
            order.revoke(requester, RevocationReason.KEY_COMPROMISE, null, at, at);

            assertThat(order.getStatus()).isEqualTo(OrderStatus.REVOKED);
            assertThat(order.getRevokedAt()).isEqualTo(at);
            assertThat(order.getRevocationReason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
            assertThat(order.canRevoke()).isFalse();
        }

        /** R5: document signing, private and EV code signing are revoked by support, never here. */
        @ParameterizedTest
        @EnumSource(
                value = Product.class,
                names = {"DOCUMENT_SIGNING", "PRIVATE", "EV_CODE_SIGNING"})
        void anIssuedOrderOfASupportOnlyProductIsNotRevokedInThePortal(Product product) {
            CertificateOrder order = issued(product);

            assertThat(order.canRevoke()).isFalse();
            assertThat(order.needsSupportToRevoke()).isTrue();
            assertThatThrownBy(() -> order.revoke(requester, RevocationReason.UNSPECIFIED, null, ISSUED, ISSUED))
                    .isInstanceOf(ActionRefused.class);

            assertThat(order.getStatus()).isEqualTo(OrderStatus.ISSUED);
            assertThat(order.getCertificates()).allMatch(Certificate::isValid);
        }

        /** R1: pending, canceled and already revoked orders are refused and stay as they were. */
        @Test
        void onlyAnIssuedOrderCanBeRevoked() {
            CertificateOrder pending = pending(Product.TLS_OV);
            CertificateOrder canceled = pending(Product.TLS_OV);
            canceled.cancel(requester, PLACED.plusSeconds(1));
            CertificateOrder revoked = issued(Product.TLS_OV);
            Instant firstRevocation = ISSUED.plusSeconds(10);
            revoked.revoke(requester, RevocationReason.SUPERSEDED, null, firstRevocation, firstRevocation);

            for (CertificateOrder order : List.of(pending, canceled, revoked)) {
                OrderStatus before = order.getStatus();
                assertThat(order.canRevoke()).as("%s", before).isFalse();
                assertThat(order.needsSupportToRevoke()).as("%s", before).isFalse();
                assertThatThrownBy(() -> order.revoke(requester, RevocationReason.KEY_COMPROMISE, null, ISSUED, ISSUED))
                        .isInstanceOf(ActionRefused.class)
                        .satisfies(e -> assertThat(((ActionRefused) e).messageKey())
                                .isEqualTo("order.refused.revoke-not-issued"));
                assertThat(order.getStatus()).isEqualTo(before);
            }
            assertThat(revoked.getRevokedAt()).isEqualTo(firstRevocation);
            assertThat(revoked.getRevocationReason()).isEqualTo(RevocationReason.SUPERSEDED);
        }

        /** R1: revoking the order revokes every certificate, and a K2 schedule is overtaken. */
        @Test
        void revokingAnOrderRevokesAllItsCertificates() {
            CertificateOrder order = issued(Product.TLS_OV);
            reissue(order, "other.example.com", ISSUED.plus(Duration.ofDays(2)));
            reissue(order, "other.example.com", ISSUED.plus(Duration.ofDays(3)));
            Instant at = ISSUED.plus(Duration.ofDays(4));

            order.revoke(requester, RevocationReason.AFFILIATION_CHANGED, null, at, at);

            assertThat(order.getCertificates()).hasSize(3).allSatisfy(c -> {
                assertThat(c.isValid()).isFalse();
                assertThat(c.getStatus()).isEqualTo(Certificate.Status.REVOKED);
                assertThat(c.getRevokedAt()).isEqualTo(at);
                assertThat(c.getRevocationReason()).isEqualTo(RevocationReason.AFFILIATION_CHANGED);
                assertThat(c.getRevocationScheduledAt()).isNull();
            });
            assertThat(order.currentCertificate()).isEmpty();
        }
    }

    /** R3: the 30-day rule, at instant precision, judged on the submission and never on the approval. */
    @Nested
    class ThirtyDayRule {

        @Test
        void theRefundDeadlineIsExactlyThirtyTimesTwentyFourHoursAfterTheFirstIssue() {
            CertificateOrder order = issued(Product.TLS_OV);

            assertThat(order.refundDeadline()).isEqualTo(Instant.parse("2026-04-01T03:04:05Z"));
            assertThat(Duration.between(order.getFirstIssuedAt(), order.refundDeadline()))
                    .isEqualTo(Duration.ofHours(30 * 24));
        }

        /**
         * Submitted exactly at the deadline is inside the window, one second (or one nanosecond) later is
         * outside; approving before or after the deadline changes nothing.
         */
        @ParameterizedTest(name = "submitted deadline{0}s, approved deadline{1}s -> cancellation {2}")
        @CsvSource({
            "0, 0, true",
            "0, 1, true",
            "0, 864000, true",
            "-1, -1, true",
            "-1, 1, true",
            "-2591999, 2592000, true",
            "1, 1, false",
            "1, 2, false",
            "1, 864000, false"
        })
        void revocationSubmittedWithinThirtyDaysIsTreatedAsCancellationWhateverTheApprovalInstant(
                long submittedOffsetSeconds, long approvedOffsetSeconds, boolean treatedAsCancellation) {
            CertificateOrder order = issued(Product.TLS_OV);
            Instant deadline = ISSUED.plus(Duration.ofDays(30));
            Instant submittedAt = deadline.plusSeconds(submittedOffsetSeconds);
            Instant approvedAt = deadline.plusSeconds(approvedOffsetSeconds);

            order.revoke(requester, RevocationReason.CESSATION_OF_OPERATION, null, submittedAt, approvedAt);

            assertThat(order.getStatus()).isEqualTo(OrderStatus.REVOKED);
            assertThat(order.isTreatedAsCancellation()).isEqualTo(treatedAsCancellation);
            assertThat(order.getRevokedAt()).as("revoked when approved").isEqualTo(approvedAt);
            assertThat(order.getCertificates()).noneMatch(Certificate::isValid);
        }

        @Test
        void revocationSubmittedOnDay30IsTreatedAsCancellationAndOneSecondLaterIsNot() {
            CertificateOrder onTheDeadline = issued(Product.TLS_OV);
            CertificateOrder oneSecondLate = issued(Product.TLS_OV);
            Instant deadline = ISSUED.plus(Duration.ofDays(30));

            // Both approved by a slow administrator a week after the deadline.
            Instant approvedAt = deadline.plus(Duration.ofDays(7));
            onTheDeadline.revoke(requester, RevocationReason.UNSPECIFIED, null, deadline, approvedAt);
            oneSecondLate.revoke(requester, RevocationReason.UNSPECIFIED, null, deadline.plusSeconds(1), approvedAt);

            assertThat(onTheDeadline.isTreatedAsCancellation()).isTrue();
            assertThat(oneSecondLate.isTreatedAsCancellation()).isFalse();
        }

        @Test
        void theWindowIsJudgedToTheInstantNotToTheSecond() {
            CertificateOrder order = issued(Product.TLS_OV);
            Instant deadline = order.refundDeadline();

            assertThat(order.isWithinCancellationWindow(deadline)).isTrue();
            assertThat(order.isWithinCancellationWindow(deadline.plusNanos(1))).isFalse();
            assertThat(order.isWithinCancellationWindow(deadline.minusNanos(1))).isTrue();
        }

        /** A reissue never moves the first issue date, so it never moves the deadline either. */
        @Test
        void aReissueDoesNotExtendTheWindow() {
            CertificateOrder order = issued(Product.TLS_OV);
            Instant deadline = ISSUED.plus(Duration.ofDays(30));
            reissue(order, "renamed.example.com", deadline.minus(Duration.ofHours(1)));

            order.revoke(
                    requester, RevocationReason.SUPERSEDED, null, deadline.plusSeconds(1), deadline.plusSeconds(1));

            assertThat(order.refundDeadline()).isEqualTo(deadline);
            assertThat(order.isTreatedAsCancellation()).isFalse();
        }

        @Test
        void aPendingOrderHasNoWindowAndNoDeadline() {
            CertificateOrder order = pending(Product.TLS_OV);

            assertThat(order.isWithinCancellationWindow(PLACED)).isFalse();
            assertThatThrownBy(order::refundDeadline).isInstanceOf(IllegalStateException.class);
        }
    }

    /** R2: exactly five reasons with their RFC 5280 CRLReason codes. */
    @Test
    void revocationReasonsAreExactlyTheFiveOfTheRulesWithTheirCrlReasonCodes() {
        assertThat(EnumSet.allOf(RevocationReason.class))
                .extracting(RevocationReason::key, RevocationReason::crlReasonCode)
                .containsExactlyInAnyOrder(
                        tuple("key_compromise", 1),
                        tuple("cessation_of_operation", 5),
                        tuple("affiliation_changed", 3),
                        tuple("superseded", 4),
                        tuple("unspecified", 0));
        for (RevocationReason reason : RevocationReason.values()) {
            assertThat(RevocationReason.fromKey(reason.key())).contains(reason);
        }
        assertThat(RevocationReason.fromKey("KEY_COMPROMISE")).isEmpty();
    }

    private CertificateOrder pending(Product product) {
        return place(product, Payment.creditCard(product.priceFor(1)));
    }

    private CertificateOrder issued(Product product) {
        CertificateOrder order = pending(product);
        order.issue(nextCertificateId(), DomainOrders.certificate("SERIAL-" + certificateIds.get(), ISSUED), ISSUED);
        return order;
    }

    private CertificateOrder place(Product product, Payment payment) {
        return CertificateOrder.place(
                "10000001",
                requester,
                product,
                1,
                RequestType.NEW,
                ServerPlatform.NGINX,
                "shop.example.com",
                List.of("shop.example.com", "www.shop.example.com"),
                payment,
                PLACED);
    }

    private Certificate reissue(CertificateOrder order, String commonName, Instant at) {
        String id = nextCertificateId();
        return order.reissue(id, DomainOrders.certificate("SERIAL-" + id, at), commonName, List.of(commonName), at);
    }

    private String nextCertificateId() {
        return String.valueOf(certificateIds.getAndIncrement());
    }
}
