package com.certportal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The rules that depend on what a product is, each checked as the exact set of products it holds for. */
class ProductTest {

    /** R5: server certificates and non-EV code signing are revoked in the portal; the rest through support. */
    @Test
    void exactlyServerAndNonEvCodeSigningProductsAreRevocableInThePortal() {
        assertThat(productsWhere(Product::revocableInPortal))
                .isEqualTo(EnumSet.of(Product.TLS_DV, Product.TLS_OV, Product.TLS_EV, Product.CODE_SIGNING));
    }

    /** C4: cancelling an organization-validated product mails the requester; no other product does. */
    @Test
    void exactlyOrganizationValidatedProductsMailTheRequesterWhenCanceled() {
        assertThat(productsWhere(Product::sendsCancellationMail))
                .isEqualTo(EnumSet.of(Product.TLS_OV, Product.CODE_SIGNING, Product.DOCUMENT_SIGNING));
    }

    /** P6: a hardware token is bought with code signing or EV code signing only. */
    @Test
    void exactlyCodeSigningProductsOfferAHardwareToken() {
        assertThat(productsWhere(Product::offersHardwareToken))
                .isEqualTo(EnumSet.of(Product.CODE_SIGNING, Product.EV_CODE_SIGNING));
    }

    @Test
    void thePriceIsTheYearlyPriceTimesTheValidityYears() {
        assertThat(Product.TLS_OV.priceFor(1)).isEqualByComparingTo(BigDecimal.valueOf(60_000));
        assertThat(Product.TLS_OV.priceFor(3)).isEqualByComparingTo(BigDecimal.valueOf(180_000));
    }

    private static Set<Product> productsWhere(Predicate<Product> rule) {
        return Arrays.stream(Product.values())
                .filter(rule)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Product.class)));
    }
}
