package com.certportal.order;

import com.certportal.account.CurrentMember;
import com.certportal.account.Member;
import com.certportal.account.Role;
import com.certportal.action.ActionRefused;
import com.certportal.catalog.CertificateLifetime;
import com.certportal.catalog.Product;
import com.certportal.order.OrderEvents.CertificateDuplicated;
import com.certportal.order.OrderEvents.CertificateReissued;
import com.certportal.order.OrderEvents.CertificateRevoked;
import com.certportal.order.OrderEvents.OrderApproved;
import com.certportal.order.OrderEvents.OrderCanceled;
import com.certportal.order.OrderEvents.OrderIssued;
import com.certportal.order.OrderEvents.OrderPlaced;
import com.certportal.order.OrderEvents.OrderRequestClosed;
import com.certportal.order.OrderEvents.OrderRequested;
import com.certportal.order.OrderEvents.OrderRevoked;
import com.certportal.order.OrderEvents.ReissueCanceled;
import com.certportal.order.OrderEvents.ReissueRequested;
import com.certportal.order.OrderEvents.SupportRevocationRequested;
import com.certportal.order.OrderEvents.VoucherRegistered;
import com.certportal.pki.IssuedCertificate;
import com.certportal.voucher.Voucher;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * One purchase: the aggregate that guards every change of an order's status. There is no status
 * setter; each move is an intention-named method that either changes the order or throws
 * {@link ActionRefused} naming the state it was refused in, and records what happened as a
 * past-tense event ({@link OrderEvents}) that is published when the order is saved.
 */
@Entity
@Table(name = "certificate_order")
public class CertificateOrder extends AbstractAggregateRoot<CertificateOrder> {

    /** R3: a revocation submitted within 30 x 24 h of the first issue (inclusive) is a cancellation. */
    public static final Duration CANCELLATION_WINDOW = Duration.ofDays(30);

    /** K6: the statuses in which a renewal stands (a second renewal of the same order is refused). */
    public static final Set<OrderStatus> STANDING_RENEWAL =
            Set.copyOf(EnumSet.of(OrderStatus.NEEDS_APPROVAL, OrderStatus.PENDING, OrderStatus.ISSUED));

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String orderNumber;

    private Long accountId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Member requester;

    @Enumerated(EnumType.STRING)
    private Product product;

    private int validityYears;

    @Enumerated(EnumType.STRING)
    private RequestType requestType;

    @Enumerated(EnumType.STRING)
    private ServerPlatform serverPlatform;

    private String commonName;

    private String subjectAltNames;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    private Instant firstIssuedAt;

    @Embedded
    private Payment payment;

    private Instant canceledAt;

    private Instant revokedAt;

    @Enumerated(EnumType.STRING)
    private RevocationReason revocationReason;

    /** R3: revoked within the window, so treated as a cancellation (解約扱い). */
    private boolean treatedAsCancellation;

    /** P7: where the money went back, once refund routing ran. */
    @Enumerated(EnumType.STRING)
    private RefundRoute refundRoute;

    private Instant refundRoutedAt;

    /** R5: the latest request for support to revoke this order. */
    @Enumerated(EnumType.STRING)
    private RevocationReason supportRevocationReason;

    private String supportRevocationNote;

    private Instant supportRevocationRequestedAt;

    /** O1: the CSR the order was placed with (a public request, never a key). */
    private String csrPem;

    /** V1: how the names are validated; none for products that validate no domain. */
    @Enumerated(EnumType.STRING)
    private DcvMethod dcvMethod;

    /** K6: the order this renewal renews. */
    @ManyToOne(fetch = FetchType.LAZY)
    private CertificateOrder renewalOf;

    /** O4, O5: when the order was placed (at submission, or when its request was approved). */
    private Instant placedAt;

    /**
     * D3: when the order's current certificate (its newest valid one) expires; none once no
     * certificate is valid. Kept on the order so the list can sort and filter by it with an index.
     */
    private Instant expiresAt;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("issuedAt, id")
    private List<Certificate> certificates = new ArrayList<>();

    /** K6: the orders placed (or requested) as renewals of this one, whatever became of them. */
    @OneToMany(mappedBy = "renewalOf")
    private Set<CertificateOrder> renewals = new LinkedHashSet<>();

    /** G: voucher codes registered on this voucher order after it was placed. */
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("registeredAt, id")
    private Set<VoucherRegistration> voucherRegistrations = new LinkedHashSet<>();

    /** K4: the reissue that waits for its names' validation, read with the order; one at a time. */
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "waiting_reissue_id")
    private Reissue waitingReissue;

    @Version
    private long version;

    private Instant createdAt;

    private Instant updatedAt;

    protected CertificateOrder() {}

    private CertificateOrder(
            String orderNumber, Member requester, OrderSpec spec, Payment payment, OrderStatus status, Instant now) {
        if (payment.hasHardwareToken() && !spec.product().offersHardwareToken()) {
            throw new IllegalArgumentException(spec.product() + " comes without a hardware token");
        }
        this.orderNumber = orderNumber;
        this.accountId = requester.getAccountId();
        this.requester = requester;
        this.product = spec.product();
        this.validityYears = spec.validityYears();
        this.requestType = spec.requestType();
        this.renewalOf = spec.renewalOf();
        this.serverPlatform = spec.serverPlatform();
        this.csrPem = spec.csrPem();
        this.commonName = spec.commonName().trim().toLowerCase(Locale.ROOT);
        this.subjectAltNames = SubjectAltNames.join(spec.names());
        this.dcvMethod = spec.dcvMethod();
        this.payment = payment;
        this.status = status;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** O3, O5: an order placed at once (an administrator's, or the account skips approval): pending. */
    public static CertificateOrder place(
            String orderNumber, Member requester, OrderSpec spec, Payment payment, Instant now) {
        CertificateOrder order = new CertificateOrder(orderNumber, requester, spec, payment, OrderStatus.PENDING, now);
        order.payment.settleAtPlacement();
        order.placedAt = now;
        order.registerEvent(new OrderPlaced(order, requester.getId(), now));
        return order;
    }

    /**
     * O4: a user's order that waits for an administrator. What its payment reserved (voucher,
     * licences, an existing token) stays reserved until the request is decided or withdrawn.
     */
    public static CertificateOrder request(
            String orderNumber, Member requester, OrderSpec spec, Payment payment, Instant now) {
        CertificateOrder order =
                new CertificateOrder(orderNumber, requester, spec, payment, OrderStatus.NEEDS_APPROVAL, now);
        order.registerEvent(new OrderRequested(order, requester.getId(), now));
        return order;
    }

    /** A new order placed at once, without a CSR (demo data and tests; the key is given at issuance). */
    public static CertificateOrder place(
            String orderNumber,
            Member requester,
            Product product,
            int validityYears,
            RequestType requestType,
            ServerPlatform serverPlatform,
            String commonName,
            List<String> subjectAltNames,
            Payment payment,
            Instant now) {
        return place(
                orderNumber,
                requester,
                OrderSpec.withoutCsr(product, validityYears, requestType, serverPlatform, commonName, subjectAltNames),
                payment,
                now);
    }

    /** O4, O5: an administrator approved the request: the order is placed and waits for validation. */
    public void approve(Member by, Instant now) {
        move(OrderStatus.PENDING, "approve");
        payment.settleAtPlacement();
        placedAt = now;
        touch(now);
        registerEvent(new OrderApproved(this, by.getId(), now));
    }

    /** O4: rejected, or withdrawn by its requester: whatever the request reserved is released, once. */
    public void closeRequest(OrderStatus outcome, Member by, Instant now) {
        if (outcome != OrderStatus.REJECTED && outcome != OrderStatus.WITHDRAWN) {
            throw new IllegalArgumentException("a request closes as rejected or withdrawn, not " + outcome);
        }
        move(outcome, outcome == OrderStatus.REJECTED ? "reject" : "withdraw");
        payment.releaseReservation();
        touch(now);
        registerEvent(new OrderRequestClosed(this, by.getId(), outcome, now));
    }

    /**
     * I4: the first certificate: the order becomes issued and its first issue date is set, once
     * (reissues never move it).
     */
    public Certificate issue(String certificateId, IssuedCertificate issued, Instant now) {
        move(OrderStatus.ISSUED, "issue");
        firstIssuedAt = now;
        Certificate certificate = addCertificate(
                certificateId, issued, commonName, getSubjectAltNames(), Certificate.Origin.ORIGINAL, null, now);
        registerEvent(new OrderIssued(this, certificate, now));
        return certificate;
    }

    /** O4, O5: still waiting for an administrator's approval. */
    public boolean needsApproval() {
        return status == OrderStatus.NEEDS_APPROVAL;
    }

    /** O5, V: placed, not yet issued: validation decides when it is. */
    public boolean isPending() {
        return status == OrderStatus.PENDING;
    }

    /**
     * I3: the end of the plan the order bought, counted from its first issue (time spent waiting for
     * approval or validation is not taken from it); before the first issue, counted from {@code now}.
     */
    public Instant planEndsAt(Instant now) {
        Instant start = firstIssuedAt != null ? firstIssuedAt : now;
        return start.atOffset(ZoneOffset.UTC).plusYears(validityYears).toInstant();
    }

    /** I3: the last instant a certificate issued at {@code now} may be valid. */
    public Instant certificateNotAfter(Instant now) {
        return CertificateLifetime.notAfter(product, now, planEndsAt(now));
    }

    /**
     * K4: asks for a reissue with a new CSR; names may change. It waits for its names' validation (V,
     * reused per V3) and is then issued onto this order ({@link #completeReissue}). The order stays
     * issued throughout; one reissue waits at a time.
     */
    public Reissue requestReissue(Member by, ReissueSpec spec, Instant now) {
        checkCertificatesCanChange("reissue");
        if (waitingReissue != null) {
            throw new ActionRefused(
                    "reissue.refused.waiting",
                    "order " + orderNumber + " has a reissue waiting since " + waitingReissue.getRequestedAt(),
                    orderNumber);
        }
        Reissue reissue = new Reissue(this, by, spec, now);
        waitingReissue = reissue;
        touch(now);
        registerEvent(new ReissueRequested(this, reissue, by.getId(), now));
        return reissue;
    }

    /** K4: the waiting reissue's names are validated: it becomes the order's newest certificate. */
    public Certificate completeReissue(String certificateId, IssuedCertificate issued, Instant now) {
        if (waitingReissue == null) {
            throw new IllegalStateException("order " + orderNumber + " has no reissue waiting");
        }
        Reissue completed = waitingReissue;
        Certificate reissued =
                reissue(certificateId, issued, completed.getCommonName(), completed.getSubjectAltNames(), now);
        completed.issued(certificateId, now);
        waitingReissue = null;
        return reissued;
    }

    /** K4: the member who asked, or an administrator, cancels the reissue while it waits; nothing else changes. */
    public Reissue cancelReissue(Member by, boolean administrator, Instant now) {
        if (waitingReissue == null) {
            throw refused("reissue.refused.none-waiting", "cancel a reissue");
        }
        if (!waitingReissue.cancelableBy(by.getId(), administrator)) {
            throw new ActionRefused(
                    ActionRefused.Kind.FORBIDDEN,
                    "reissue.refused.not-requester",
                    "member " + by.getId() + " did not ask for reissue " + waitingReissue.getId(),
                    orderNumber);
        }
        Reissue canceled = waitingReissue;
        canceled.canceled(by, now);
        waitingReissue = null;
        touch(now);
        registerEvent(new ReissueCanceled(this, canceled, by.getId(), now));
        return canceled;
    }

    /**
     * K4, I4: a reissue adds a certificate with its own id and never moves the first issue date. K2:
     * every earlier valid certificate superseded by the new names (common name changed, or a name it
     * carries dropped) is due for revocation 48 hours from now; a reissue that only adds names
     * revokes nothing.
     */
    public Certificate reissue(
            String certificateId, IssuedCertificate issued, String newCommonName, List<String> newSans, Instant now) {
        checkCertificatesCanChange("reissue");
        String normalized = newCommonName.trim().toLowerCase(Locale.ROOT);
        Certificate current = currentCertificate().orElseThrow();
        List<String> names = SubjectAltNames.split(SubjectAltNames.join(newSans));
        List<Certificate> superseded = certificates.stream()
                .filter(Certificate::isValid)
                .filter(c -> SupersededRevocation.supersedes(normalized, names, c.getCommonName(), c.names()))
                .toList();
        superseded.forEach(c -> c.scheduleRevocation(SupersededRevocation.dueAt(now)));
        commonName = normalized;
        subjectAltNames = SubjectAltNames.join(newSans);
        Certificate reissued =
                addCertificate(certificateId, issued, normalized, newSans, Certificate.Origin.REISSUE, current, now);
        registerEvent(new CertificateReissued(
                this,
                reissued,
                superseded.stream().map(Certificate::getCertificateId).toList(),
                now));
        return reissued;
    }

    /**
     * K5: another certificate for the current certificate's names with another key, for a second
     * server; it ends with the current certificate and revokes nothing.
     */
    public Certificate duplicate(
            String certificateId, IssuedCertificate issued, Long actorId, String comment, Instant now) {
        checkCertificatesCanChange("duplicate");
        Certificate current = currentCertificate().orElseThrow();
        Certificate duplicate = addCertificate(
                certificateId,
                issued,
                current.getCommonName(),
                current.getSubjectAltNames(),
                Certificate.Origin.DUPLICATE,
                current,
                now);
        registerEvent(new CertificateDuplicated(this, duplicate, actorId, comment, now));
        return duplicate;
    }

    /**
     * K4: the key of a reissue's CSR. A key of a certificate of this order revoked for key compromise is
     * never used again; and when the member says the current key was compromised, the new key must be
     * none of the order's keys.
     */
    public void checkReissueKey(java.security.PublicKey key, boolean keyCompromised) {
        boolean barred = certificates.stream().anyMatch(c -> (keyCompromised || c.isKeyCompromised()) && c.hasKey(key));
        if (barred) {
            throw ActionRefused.invalidField("csr", "reissue.refused.compromised-key");
        }
    }

    /** K5: a duplicate has another key than every certificate of the order. */
    public void checkDuplicateKey(java.security.PublicKey key) {
        if (certificates.stream().anyMatch(c -> c.hasKey(key))) {
            throw ActionRefused.invalidField("csr", "duplicate.refused.same-key");
        }
    }

    /**
     * K5: a duplicate is for the current certificate's names: the CSR names its common name and no
     * name the current certificate lacks (it may leave out the extra SANs: the duplicate carries them).
     */
    public void checkDuplicateNames(String csrCommonName, List<String> csrNames) {
        Certificate current =
                currentCertificate().orElseThrow(() -> refused("reissue.refused.not-issued", "duplicate"));
        if (!current.getCommonName().equalsIgnoreCase(csrCommonName.trim())
                || !current.names().containsAll(csrNames)) {
            throw ActionRefused.invalidField(
                    "csr", "duplicate.refused.names-differ", String.join(", ", current.names()));
        }
    }

    /** K4, K5: refuses unless certificates can be added to this order now (it is issued). */
    public void checkCertificatesCanChange(String action) {
        if (status != OrderStatus.ISSUED) {
            throw refused("reissue.refused.not-issued", action);
        }
    }

    /**
     * K1: refuses unless this certificate can be revoked alone now: the order is issued, its product
     * is revoked in the portal (R5), the certificate is valid, and another certificate of the order
     * keeps serving (valid, not about to be revoked, not expired). The last one is revoked by
     * revoking the order.
     */
    public Certificate checkCertificateRevocable(String certificateId, Instant now) {
        Certificate certificate = certificate(certificateId);
        checkRevocable();
        if (!certificate.isValid()) {
            throw new ActionRefused(
                    "certificate.refused.not-valid",
                    "certificate " + certificateId + " is " + certificate.getStatus(),
                    certificateId);
        }
        if (!keepsAnotherServingCertificate(certificate, now)) {
            throw new ActionRefused(
                    "certificate.refused.last-valid",
                    "certificate " + certificateId + " is the last valid one of order " + orderNumber,
                    certificateId,
                    orderNumber);
        }
        return certificate;
    }

    /** K1: whether the page offers revoking this certificate alone (the rule of {@link #checkCertificateRevocable}). */
    public boolean offersCertificateRevocation(Certificate certificate, Instant now) {
        return canRevoke() && certificate.isValid() && keepsAnotherServingCertificate(certificate, now);
    }

    private boolean keepsAnotherServingCertificate(Certificate certificate, Instant now) {
        return certificates.stream().anyMatch(c -> c != certificate && c.servesAt(now));
    }

    /**
     * K1: one certificate is revoked, at once or when its request is approved; the order stays
     * issued and nothing is refunded, whatever the 30-day window says (R3 is about orders).
     */
    public Certificate revokeCertificate(
            String certificateId, Member by, RevocationReason reason, String comment, Instant now) {
        Certificate certificate = checkCertificateRevocable(certificateId, now);
        certificate.revoke(reason, now);
        certificatesChanged();
        touch(now);
        registerEvent(new CertificateRevoked(this, certificate, by.getId(), reason, comment, now));
        return certificate;
    }

    /**
     * K2: the background job revokes a certificate whose superseded revocation is due. Guarded, so a
     * run repeated (or raced by another instance, after the row lock) revokes nothing twice: a
     * certificate no longer valid, not scheduled or not yet due is left as it is.
     */
    public boolean revokeSuperseded(String certificateId, Instant now) {
        Certificate certificate = certificate(certificateId);
        if (!certificate.isRevocationDueAt(now)) {
            return false;
        }
        certificate.revoke(RevocationReason.SUPERSEDED, now);
        certificatesChanged();
        touch(now);
        registerEvent(new CertificateRevoked(this, certificate, null, RevocationReason.SUPERSEDED, null, now));
        return true;
    }

    /** K1, K2, K7: one certificate of this order, by its certificate id. */
    public Certificate certificate(String certificateId) {
        return certificates.stream()
                .filter(c -> c.getCertificateId().equals(certificateId))
                .findFirst()
                .orElseThrow(() -> new com.certportal.action.NotFound("certificate " + certificateId));
    }

    /** V4, K4: an order waits for validation while pending, or while a reissue of it waits. */
    public boolean awaitsValidation() {
        return isPending() || waitingReissue != null;
    }

    /** K4: the reissue waiting for validation, if any. */
    public Optional<Reissue> waitingReissue() {
        return Optional.ofNullable(waitingReissue);
    }

    /** C1, C3: only a pending order is cancelled; a cancellation is always refund-eligible. */
    public void cancel(Member by, Instant now) {
        if (!canCancel()) {
            throw refused("order.refused.cancel-not-pending", "cancel");
        }
        move(OrderStatus.CANCELED, "cancel");
        canceledAt = now;
        touch(now);
        registerEvent(new OrderCanceled(this, by.getId(), now));
    }

    /**
     * R1, R3: revoking the order revokes all its certificates. Whether it also counts as a
     * cancellation is judged on the instant the request was submitted, never on when it was approved.
     */
    public void revoke(Member by, RevocationReason reason, String comment, Instant submittedAt, Instant now) {
        checkRevocable();
        move(OrderStatus.REVOKED, "revoke");
        revokedAt = now;
        revocationReason = reason;
        treatedAsCancellation = isWithinCancellationWindow(submittedAt);
        certificates.forEach(c -> c.revoke(reason, now));
        // K4: a reissue that waited is closed with the order; nothing more is issued for it.
        if (waitingReissue != null) {
            waitingReissue.canceled(by, now);
            waitingReissue = null;
        }
        certificatesChanged();
        touch(now);
        registerEvent(new OrderRevoked(this, by.getId(), reason, comment, submittedAt, now, treatedAsCancellation));
    }

    /** R1, R5: refuses unless this order can be revoked in the portal now. */
    public void checkRevocable() {
        if (status != OrderStatus.ISSUED) {
            throw refused("order.refused.revoke-not-issued", "revoke");
        }
        if (!product.revocableInPortal()) {
            throw refused("order.refused.revoke-needs-support", "revoke");
        }
    }

    /**
     * R5: products that cannot be revoked in the portal go to support with a note; the order's
     * status does not change.
     */
    public void requestRevocationFromSupport(Member by, RevocationReason reason, String note, Instant now) {
        if (!needsSupportToRevoke()) {
            throw refused(
                    status == OrderStatus.ISSUED
                            ? "order.refused.support-not-needed"
                            : "order.refused.revoke-not-issued",
                    "request revocation from support");
        }
        supportRevocationReason = reason;
        supportRevocationNote = note;
        supportRevocationRequestedAt = now;
        touch(now);
        registerEvent(new SupportRevocationRequested(this, by.getId(), reason, note, now));
    }

    /** P7: the outcome of refund routing is kept on the order and shown on it. */
    public void recordRefund(RefundRoute route, Instant now) {
        if (refundRoute != null) {
            throw new IllegalStateException("order " + orderNumber + " was already refunded by " + refundRoute);
        }
        if (status != OrderStatus.CANCELED && !(status == OrderStatus.REVOKED && treatedAsCancellation)) {
            throw new IllegalStateException("order " + orderNumber + " is " + status + ": nothing to refund");
        }
        refundRoute = route;
        refundRoutedAt = now;
    }

    /** O3: the finance manager records that the bank transfer arrived (P1 becomes P2 from now on). */
    public void recordPaymentReceived(Member by, Instant now) {
        if (!canRecordPayment()) {
            throw refused("order.refused.nothing-to-record", "record a payment");
        }
        payment.recordPaymentReceived();
        touch(now);
        registerEvent(new OrderEvents.PaymentRecorded(this, by.getId(), now));
    }

    /** O3: an unpaid bank transfer of an order that was placed and not cancelled. */
    public boolean canRecordPayment() {
        return payment.isBankTransfer()
                && !payment.isPaid()
                && (status == OrderStatus.PENDING || status == OrderStatus.ISSUED);
    }

    /**
     * A form shows the order at one version; acting on an order that changed since is refused. The
     * refusal is made before the move is tried (it names the state the member would find now) and
     * thrown only if the rules allowed the move, so a move no longer possible says why instead.
     */
    public Optional<ActionRefused> staleAgainst(long versionShown) {
        return versionShown == version
                ? Optional.empty()
                : Optional.of(refused("order.refused.stale", "act on a stale page"));
    }

    /**
     * What a member in {@code role} may do with this order now (templates ask this, never compare
     * statuses). Visibility (a user's own orders) is decided before the order is loaded.
     */
    public Set<OrderAction> actionsFor(Role role, boolean revocationWaiting) {
        Set<OrderAction> actions = EnumSet.noneOf(OrderAction.class);
        if (role.recordsPayments() && canRecordPayment()) {
            actions.add(OrderAction.RECORD_PAYMENT);
        }
        if (!role.actsOnOrders()) {
            return actions;
        }
        if (canCancel()) {
            actions.add(OrderAction.CANCEL);
        }
        if (canRevoke() && !revocationWaiting) {
            actions.add(OrderAction.REVOKE);
        }
        if (needsSupportToRevoke()) {
            actions.add(OrderAction.REQUEST_SUPPORT_REVOCATION);
        }
        if (isIssued() && waitingReissue == null) {
            actions.add(OrderAction.REISSUE);
        }
        if (isIssued()) {
            actions.add(OrderAction.DUPLICATE);
        }
        if (canBeRenewed()) {
            actions.add(OrderAction.RENEW);
        }
        if (canRegisterVoucher()) {
            actions.add(OrderAction.REGISTER_VOUCHER);
        }
        return actions;
    }

    /**
     * K6: an issued order is renewed by a new order (request type renewal) that links to it; it is not
     * renewed a second time while a renewal of it waits for approval, is pending or is issued (that
     * would pay twice for the same certificate). A renewal revokes nothing (K2).
     */
    public boolean canBeRenewed() {
        return status == OrderStatus.ISSUED && activeRenewal().isEmpty();
    }

    /** K6: the renewal that stands (waiting for approval, pending or issued), if any. */
    public Optional<CertificateOrder> activeRenewal() {
        return renewals.stream().filter(CertificateOrder::standsAsRenewal).findFirst();
    }

    /** K6: the renewals the order page links to, oldest first (rejected and withdrawn requests never became orders). */
    public List<CertificateOrder> getRenewals() {
        return renewals.stream()
                .filter(r -> r.status != OrderStatus.REJECTED && r.status != OrderStatus.WITHDRAWN)
                .sorted(Comparator.comparing(CertificateOrder::getCreatedAt).thenComparing(CertificateOrder::getId))
                .toList();
    }

    /** L2: whether {@code member} sees this order (its account's; a user only the orders it requested). */
    public boolean isVisibleTo(CurrentMember member) {
        return OrderVisibility.of(member).allows(this);
    }

    /** K8: an order renewed by a later order that was issued gets no more expiry reminders. */
    public boolean isRenewedByIssuedOrder() {
        return renewals.stream().anyMatch(CertificateOrder::isIssued);
    }

    private boolean standsAsRenewal() {
        return STANDING_RENEWAL.contains(status);
    }

    /**
     * G (licence count): another voucher code adds licences to an order paid by voucher while it is
     * pending or issued; afterwards the order is closed and its licences no longer matter.
     */
    public boolean canRegisterVoucher() {
        return payment.isPaidByVoucher() && (status == OrderStatus.PENDING || status == OrderStatus.ISSUED);
    }

    /**
     * G: registers {@code voucher} on this order: the voucher becomes used and its licences are added.
     * A voucher of another account is refused exactly like an unknown code.
     */
    public VoucherRegistration registerVoucher(Voucher voucher, Member by, Instant now) {
        checkVoucherRegistration();
        if (!voucher.getAccountId().equals(accountId)) {
            throw unknownVoucher(voucher.getCode());
        }
        if (voucher.isUsed()) {
            throw new ActionRefused(
                    "voucher.refused.used", "voucher " + voucher.getCode() + " is already used", voucher.getCode());
        }
        int before = payment.getLicences();
        voucher.use();
        payment.addLicences(voucher.getLicences());
        VoucherRegistration registration = new VoucherRegistration(this, voucher, by, now);
        voucherRegistrations.add(registration);
        touch(now);
        registerEvent(new VoucherRegistered(this, by.getId(), voucher.getCode(), before, payment.getLicences(), now));
        return registration;
    }

    /** G: refuses unless this order takes voucher codes now (paid by voucher, pending or issued). */
    public void checkVoucherRegistration() {
        if (!payment.isPaidByVoucher()) {
            throw new ActionRefused(
                    "voucher.refused.not-voucher-order",
                    "order " + orderNumber + " is paid by " + payment.getMethod() + ": no voucher codes",
                    orderNumber);
        }
        if (!canRegisterVoucher()) {
            throw refused("voucher.refused.status", "register a voucher code");
        }
    }

    /** G: an unknown code, or one of another account: the same answer, so codes cannot be probed. */
    public static ActionRefused unknownVoucher(String code) {
        return ActionRefused.invalidField("voucherCode", "voucher.refused.unknown", code);
    }

    /** P4: every voucher this order used: the one it was placed with and those registered later. */
    public List<Voucher> vouchersSpent() {
        List<Voucher> spent = new ArrayList<>();
        if (payment.getVoucher() != null) {
            spent.add(payment.getVoucher());
        }
        voucherRegistrations.forEach(r -> spent.add(r.getVoucher()));
        return spent;
    }

    public List<VoucherRegistration> getVoucherRegistrations() {
        return List.copyOf(voucherRegistrations);
    }

    /**
     * P7, R3: what happened to the order and its money, as message keys, in the order the action's
     * confirmation and the order page both say it: whether a revocation counted as a cancellation,
     * where the refund went, and the hardware token kept (P6).
     */
    public List<String> outcomeKeys() {
        List<String> keys = new ArrayList<>();
        if (status == OrderStatus.REVOKED) {
            keys.add(treatedAsCancellation ? "order.treated-as-cancellation" : "order.revocation-only");
        }
        if (refundRoute != null) {
            keys.add("refund.route." + refundRoute.key() + ".done");
        }
        if (isHardwareTokenKeptForReuse()) {
            keys.add("refund.token-kept");
        }
        return keys;
    }

    public boolean isIssued() {
        return status == OrderStatus.ISSUED;
    }

    public boolean isRevoked() {
        return status == OrderStatus.REVOKED;
    }

    public boolean canCancel() {
        return status.canMoveTo(OrderStatus.CANCELED);
    }

    /** R1 and R5: issued, and a product the customer may revoke in the portal. */
    public boolean canRevoke() {
        return status.canMoveTo(OrderStatus.REVOKED) && product.revocableInPortal();
    }

    /** R5: issued, but only support can revoke this product. */
    public boolean needsSupportToRevoke() {
        return status == OrderStatus.ISSUED && !product.revocableInPortal();
    }

    /** R3, to the second: submitted no later than exactly 30 x 24 h after the first issue. */
    public boolean isWithinCancellationWindow(Instant submittedAt) {
        return firstIssuedAt != null && !submittedAt.isAfter(refundDeadline());
    }

    /** R4: the last instant a revocation can be submitted and still be treated as a cancellation. */
    public Instant refundDeadline() {
        if (firstIssuedAt == null) {
            throw new IllegalStateException("order " + orderNumber + " has not been issued");
        }
        return firstIssuedAt.plus(CANCELLATION_WINDOW);
    }

    /** The newest valid certificate, if any. */
    public Optional<Certificate> currentCertificate() {
        for (int i = certificates.size() - 1; i >= 0; i--) {
            if (certificates.get(i).isValid()) {
                return Optional.of(certificates.get(i));
            }
        }
        return Optional.empty();
    }

    private Certificate addCertificate(
            String certificateId,
            IssuedCertificate issued,
            String cn,
            List<String> sans,
            Certificate.Origin origin,
            Certificate derivedFrom,
            Instant now) {
        Certificate certificate = new Certificate(this, certificateId, issued, cn, sans, origin, derivedFrom, now);
        certificates.add(certificate);
        certificatesChanged();
        touch(now);
        return certificate;
    }

    private void move(OrderStatus next, String action) {
        if (!status.canMoveTo(next)) {
            throw refused("order.refused.illegal-move", action);
        }
        status = next;
    }

    ActionRefused refused(String messageKey, String action) {
        return new ActionRefused(
                messageKey,
                "order " + orderNumber + " is " + status + ": cannot " + action,
                orderNumber,
                "status." + status.key());
    }

    /** D3: a certificate was issued or revoked: the order's expiry follows its current certificate. */
    void certificatesChanged() {
        expiresAt = currentCertificate().map(Certificate::getExpiresAt).orElse(null);
    }

    /** D3: the current certificate's expiry, or none (not issued, or no valid certificate left). */
    public Instant getExpiresAt() {
        return expiresAt;
    }

    private void touch(Instant now) {
        updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getOrderNumber() {
        return orderNumber;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Member getRequester() {
        return requester;
    }

    public Product getProduct() {
        return product;
    }

    public int getValidityYears() {
        return validityYears;
    }

    public RequestType getRequestType() {
        return requestType;
    }

    public ServerPlatform getServerPlatform() {
        return serverPlatform;
    }

    public String getCommonName() {
        return commonName;
    }

    public List<String> getSubjectAltNames() {
        return SubjectAltNames.split(subjectAltNames);
    }

    public OrderStatus getStatus() {
        return status;
    }

    public Instant getFirstIssuedAt() {
        return firstIssuedAt;
    }

    public Payment getPayment() {
        return payment;
    }

    public Instant getCanceledAt() {
        return canceledAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public RevocationReason getRevocationReason() {
        return revocationReason;
    }

    public boolean isTreatedAsCancellation() {
        return treatedAsCancellation;
    }

    public RefundRoute getRefundRoute() {
        return refundRoute;
    }

    public Instant getRefundRoutedAt() {
        return refundRoutedAt;
    }

    /** P6: a token bought with this order stays with the account once the order is refunded. */
    public boolean isHardwareTokenKeptForReuse() {
        return refundRoute != null && payment.hasHardwareToken();
    }

    public RevocationReason getSupportRevocationReason() {
        return supportRevocationReason;
    }

    public String getSupportRevocationNote() {
        return supportRevocationNote;
    }

    public Instant getSupportRevocationRequestedAt() {
        return supportRevocationRequestedAt;
    }

    public String getCsrPem() {
        return csrPem;
    }

    public DcvMethod getDcvMethod() {
        return dcvMethod;
    }

    public CertificateOrder getRenewalOf() {
        return renewalOf;
    }

    public Instant getPlacedAt() {
        return placedAt;
    }

    public List<Certificate> getCertificates() {
        return List.copyOf(certificates);
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
