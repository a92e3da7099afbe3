package com.certportal.account;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

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

    /** M4, K8: the expiry reminders go to the order's requester. */
    private boolean remindRequester = true;

    /** M4, K8: the expiry reminders go to the account's administrators. */
    private boolean remindAdministrators = true;

    /** M4, K8: other addresses for the expiry reminders, one per line. */
    private String reminderAddresses = "";

    /** M4, K8: the language of the reminders to the other addresses. */
    private String reminderLanguage = ReminderRecipients.DEFAULT.language().getLanguage();

    /** M4, K8: the time zone the reminders to the other addresses show times in. */
    private String reminderTimeZone = ReminderRecipients.DEFAULT.zone().getId();

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

    /** M4, K8: who receives the expiry reminders of the account's orders. */
    public ReminderRecipients reminderRecipients() {
        return new ReminderRecipients(
                remindRequester,
                remindAdministrators,
                reminderAddresses.isEmpty() ? List.of() : List.of(reminderAddresses.split("\n")),
                Locale.forLanguageTag(reminderLanguage),
                ZoneId.of(reminderTimeZone));
    }

    void chooseReminderRecipients(ReminderRecipients recipients) {
        if (recipients.nobody()) {
            throw new IllegalArgumentException("someone must receive the expiry reminders");
        }
        this.remindRequester = recipients.requester();
        this.remindAdministrators = recipients.administrators();
        this.reminderAddresses = recipients.addressLines();
        this.reminderLanguage = recipients.language().getLanguage();
        this.reminderTimeZone = recipients.zone().getId();
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
