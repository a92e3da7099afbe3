package com.certportal.ordering;

import com.certportal.catalog.Product;
import com.certportal.order.DcvMethod;
import com.certportal.order.PaymentMethod;
import com.certportal.order.RequestType;
import com.certportal.order.ServerPlatform;

/**
 * O1-O4: request a certificate. The CSR is PEM text, pasted or uploaded as a file (which wins); extra
 * names are one per line or comma-separated; the voucher, unit and token are the payment's choices;
 * the DCV method is chosen for products that validate domains. Checked by {@link Ordering}.
 */
public record PlaceOrder(
        Product product,
        String csr,
        byte[] csrFile,
        String extraNames,
        int validityYears,
        ServerPlatform serverPlatform,
        RequestType requestType,
        String renewalOf,
        int licences,
        PaymentMethod paymentMethod,
        String voucherCode,
        Long enterpriseUnitId,
        TokenChoice hardwareToken,
        DcvMethod dcvMethod,
        String comment) {}
