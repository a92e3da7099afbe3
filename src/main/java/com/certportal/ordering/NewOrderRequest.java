package com.certportal.ordering;

import com.certportal.account.Member;
import com.certportal.approval.ApprovalRequest;
import com.certportal.audit.AuditAction;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderStatus;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.time.Instant;

/**
 * O4: a user's order, waiting on the requests page for an administrator. Approved, the order is
 * placed (pending until validated, O5); rejected or withdrawn, what it reserved is released.
 */
@Entity
@DiscriminatorValue("NEW_ORDER")
public class NewOrderRequest extends ApprovalRequest {

    protected NewOrderRequest() {}

    private NewOrderRequest(CertificateOrder order, Member requester, String comment, Instant now) {
        super(order, requester, comment, now);
    }

    static NewOrderRequest submit(CertificateOrder order, Member requester, String comment, Instant now) {
        if (!order.needsApproval()) {
            throw new IllegalStateException("order " + order.getOrderNumber() + " does not wait for approval");
        }
        NewOrderRequest request = new NewOrderRequest(order, requester, comment, now);
        request.submitted(now);
        return request;
    }

    @Override
    public Kind kind() {
        return Kind.NEW_ORDER;
    }

    @Override
    public AuditAction auditAction(Status status) {
        return switch (status) {
            case NEEDS_APPROVAL -> AuditAction.ORDER_REQUESTED;
            case APPROVED -> AuditAction.ORDER_REQUEST_APPROVED;
            case REJECTED -> AuditAction.ORDER_REQUEST_REJECTED;
            case WITHDRAWN -> AuditAction.ORDER_REQUEST_WITHDRAWN;
        };
    }

    @Override
    protected void onApproved(Member by, Instant now) {
        getOrder().approve(by, now);
    }

    @Override
    protected void onClosed(Member by, Instant now) {
        getOrder().closeRequest(getStatus() == Status.REJECTED ? OrderStatus.REJECTED : OrderStatus.WITHDRAWN, by, now);
    }
}
