package com.certportal.catalog;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The product catalog. Each product knows the rules that depend on what it is: whether it can be
 * revoked in the portal (R5), whether cancelling it mails the requester (C4) and whether a hardware
 * token can be bought with it (P6).
 */
public enum Product {
    TLS_DV(Family.SERVER, Validation.DV, 10_000),
    TLS_OV(Family.SERVER, Validation.OV, 60_000),
    TLS_EV(Family.SERVER, Validation.EV, 120_000),
    CODE_SIGNING(Family.CODE_SIGNING, Validation.OV, 80_000),
    EV_CODE_SIGNING(Family.CODE_SIGNING, Validation.EV, 120_000),
    DOCUMENT_SIGNING(Family.DOCUMENT_SIGNING, Validation.OV, 50_000),
    PRIVATE(Family.PRIVATE, Validation.NONE, 5_000);

    public enum Family {
        SERVER,
        CODE_SIGNING,
        DOCUMENT_SIGNING,
        PRIVATE
    }

    public enum Validation {
        DV,
        OV,
        EV,
        NONE
    }

    private final Family family;
    private final Validation validation;
    private final BigDecimal yearlyPrice;

    Product(Family family, Validation validation, long yearlyPriceYen) {
        this.family = family;
        this.validation = validation;
        this.yearlyPrice = BigDecimal.valueOf(yearlyPriceYen);
    }

    /**
     * R5: server certificates and (non-EV) code signing are revoked by the customer in the portal;
     * document signing, private and EV code signing go through support.
     */
    public boolean revocableInPortal() {
        return family == Family.SERVER || (family == Family.CODE_SIGNING && validation != Validation.EV);
    }

    /** C4: organization-validated (企業認証) products mail the requester when cancelled. */
    public boolean sendsCancellationMail() {
        return validation == Validation.OV;
    }

    /** P6: a hardware token can be bought with code signing and EV code signing. */
    public boolean offersHardwareToken() {
        return family == Family.CODE_SIGNING;
    }

    /** V1: server certificates prove control of every name; private ones are the customer's own. */
    public boolean validatesDomains() {
        return family == Family.SERVER;
    }

    /** O2, I2: server and private certificates name DNS names; signing certificates a person or company. */
    public boolean certifiesDnsNames() {
        return family == Family.SERVER || family == Family.PRIVATE;
    }

    /** V2: organization-validated (OV, EV) products also need the CA's validation agents. */
    public boolean validatesOrganization() {
        return validation == Validation.OV || validation == Validation.EV;
    }

    /** O2: EV certificates never carry a wildcard. */
    public boolean allowsWildcards() {
        return validation != Validation.EV && family != Family.CODE_SIGNING && family != Family.DOCUMENT_SIGNING;
    }

    public Family family() {
        return family;
    }

    public Validation validation() {
        return validation;
    }

    public BigDecimal priceFor(int years) {
        return yearlyPrice.multiply(BigDecimal.valueOf(years));
    }

    /** The form value (`tls_dv`, `code_signing`, ...), part of the request form's contract (O1). */
    public String formKey() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Product> fromFormKey(String key) {
        return Arrays.stream(values()).filter(p -> p.formKey().equals(key)).findFirst();
    }

    /** Message key of the product's display name. */
    public String key() {
        return "product." + name().toLowerCase(Locale.ROOT);
    }
}
