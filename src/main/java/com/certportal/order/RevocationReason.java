package com.certportal.order;

import com.certportal.action.FormInput;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** R2: exactly these five reasons, with their RFC 5280 CRLReason codes. */
public enum RevocationReason {
    KEY_COMPROMISE(1),
    CESSATION_OF_OPERATION(5),
    AFFILIATION_CHANGED(3),
    SUPERSEDED(4),
    UNSPECIFIED(0);

    private final int crlReasonCode;

    RevocationReason(int crlReasonCode) {
        this.crlReasonCode = crlReasonCode;
    }

    public int crlReasonCode() {
        return crlReasonCode;
    }

    /** The form value (`key_compromise`, ...), part of the product's form contract. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** R2: one of exactly five reasons, or bad input. */
    public static RevocationReason parse(String value) {
        return FormInput.choice(value, RevocationReason::fromKey, "revocation.invalid-reason");
    }

    public static Optional<RevocationReason> fromKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key().equals(key)).findFirst();
    }
}
