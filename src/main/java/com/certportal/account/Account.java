package com.certportal.account;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer company. Accounts are separate customers: nothing crosses from one to another. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private Instant createdAt;

    /** O4, M4: users' orders go through without an administrator's approval. */
    private boolean skipApprovalForNewOrders;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    /** A customer company, or the CA's own operations (its validation agents, V2). */
    public enum Kind {
        CUSTOMER,
        CA_OPERATIONS
    }

    protected Account() {}

    public Account(String name, Instant createdAt) {
        this(name, Kind.CUSTOMER, createdAt);
    }

    public Account(String name, Kind kind, Instant createdAt) {
        this.name = name;
        this.kind = kind;
        this.createdAt = createdAt;
    }

    /** O4: whether a user's new order waits for an administrator's approval. */
    public boolean newOrdersNeedApproval(Role requesterRole) {
        return !requesterRole.ordersWithoutApproval() && !skipApprovalForNewOrders;
    }

    public void chooseSkipApprovalForNewOrders(boolean skip) {
        this.skipApprovalForNewOrders = skip;
    }

    public boolean isSkipApprovalForNewOrders() {
        return skipApprovalForNewOrders;
    }

    public Kind getKind() {
        return kind;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
