package com.certportal.issuance;

import com.certportal.account.AccountRepository;
import com.certportal.order.Certificate;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderNumbers;
import com.certportal.order.OrderRepository;
import com.certportal.order.Reissue;
import com.certportal.pki.CertificateAuthority;
import com.certportal.pki.Csrs;
import com.certportal.pki.IssueRequest;
import com.certportal.pki.IssuedCertificate;
import com.certportal.validation.OrderValidated;
import com.certportal.validation.ReissueValidated;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * I1-I4, O5: an order whose validation is complete is issued at once, in the transaction that
 * completed it, by the internal CA: its certificate is valid for what remains of the plan or the
 * maximum of the day, whichever is shorter (I3).
 */
@Service
public class Issuance {

    private final CertificateAuthority ca;
    private final OrderNumbers numbers;
    private final OrderRepository orders;
    private final AccountRepository accounts;

    Issuance(CertificateAuthority ca, OrderNumbers numbers, OrderRepository orders, AccountRepository accounts) {
        this.ca = ca;
        this.numbers = numbers;
        this.orders = orders;
        this.accounts = accounts;
    }

    /**
     * Runs just before the transaction that completed the validation commits: after the order's
     * own events of that transaction were handled, so the issue is one more change of it.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(OrderValidated validated) {
        CertificateOrder order = validated.order();
        // An order placed without a CSR (demo data, tests) is issued by whoever placed it, with its key.
        if (order.getCsrPem() != null && order.isPending()) {
            issue(order, Csrs.check(order.getCsrPem(), order.getProduct()).publicKey(), validated.at());
        }
    }

    /**
     * I1-I4: the CA signs a certificate for {@code subjectKey} with the order's names, and the order
     * becomes issued. The demo data and the tests issue their orders (which have no CSR) through here.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CertificateOrder issue(CertificateOrder order, PublicKey subjectKey, Instant now) {
        IssuedCertificate issued = sign(
                order,
                subjectKey,
                order.getCommonName(),
                order.getSubjectAltNames(),
                now,
                order.certificateNotAfter(now));
        order.issue(numbers.nextCertificateId(), issued, now);
        return orders.save(order);
    }

    /**
     * K4: the order's waiting reissue is validated (in the transaction that completed it, or that
     * asked for it when every name was reused, V3): its certificate is issued before that commits.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(ReissueValidated validated) {
        CertificateOrder order = validated.order();
        order.waitingReissue().ifPresent(reissue -> {
            IssuedCertificate issued = sign(order, reissue, validated.at());
            order.completeReissue(numbers.nextCertificateId(), issued, validated.at());
            orders.save(order);
        });
    }

    private IssuedCertificate sign(CertificateOrder order, Reissue reissue, Instant now) {
        PublicKey key = Csrs.check(reissue.getCsrPem(), order.getProduct()).publicKey();
        return sign(
                order, key, reissue.getCommonName(), reissue.getSubjectAltNames(), now, order.certificateNotAfter(now));
    }

    /**
     * K4, I3: a new certificate for the order with (possibly changed) names; it gets what remains of
     * the plan or the maximum of the day, whichever is shorter. The demo data and the tests reissue
     * through here directly (their names need no validation); members go through a waiting reissue.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CertificateOrder reissue(
            CertificateOrder order, PublicKey subjectKey, String commonName, List<String> names, Instant now) {
        IssuedCertificate issued = sign(order, subjectKey, commonName, names, now, order.certificateNotAfter(now));
        order.reissue(numbers.nextCertificateId(), issued, commonName, names, now);
        return orders.save(order);
    }

    /**
     * K5: another certificate with another key for the current certificate's names, ending with it
     * (same notAfter), issued at once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Certificate duplicate(
            CertificateOrder order, PublicKey subjectKey, Long actorId, String comment, Instant now) {
        Certificate current = order.currentCertificate().orElseThrow();
        IssuedCertificate issued = sign(
                order, subjectKey, current.getCommonName(), current.getSubjectAltNames(), now, current.getExpiresAt());
        Certificate duplicate = order.duplicate(numbers.nextCertificateId(), issued, actorId, comment, now);
        orders.save(order);
        return duplicate;
    }

    private IssuedCertificate sign(
            CertificateOrder order,
            PublicKey subjectKey,
            String commonName,
            List<String> names,
            Instant now,
            Instant notAfter) {
        return ca.issue(new IssueRequest(
                order.getProduct(),
                subjectKey,
                commonName,
                order.getProduct().certifiesDnsNames() ? names : List.of(),
                order.getProduct().validatesOrganization() ? organizationOf(order) : null,
                now,
                notAfter));
    }

    /** I2: OV and EV certificates name the organization the CA's agents validated (V2). */
    private String organizationOf(CertificateOrder order) {
        return accounts.findById(order.getAccountId()).orElseThrow().getName();
    }
}
