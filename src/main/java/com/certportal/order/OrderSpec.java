package com.certportal.order;

import com.certportal.catalog.Product;
import java.util.List;

/**
 * O1: what an order asks for, as checked before it is stored: the product and its plan, the request
 * type (and the order a renewal renews), the server platform, the CSR with the names read from it
 * (CN first), and how the names will be validated (none for products that validate no domain).
 */
public record OrderSpec(
        Product product,
        int validityYears,
        RequestType requestType,
        CertificateOrder renewalOf,
        ServerPlatform serverPlatform,
        String csrPem,
        String commonName,
        List<String> names,
        DcvMethod dcvMethod) {

    public OrderSpec {
        if (validityYears < 1 || validityYears > 3) {
            throw new IllegalArgumentException("validity must be 1 to 3 years, not " + validityYears);
        }
        if (renewalOf != null && requestType != RequestType.RENEWAL) {
            throw new IllegalArgumentException("only a renewal names the order it renews");
        }
        names = List.copyOf(names);
    }

    /** An order of the demo or a test, without a CSR: the certificate is issued for a key given then. */
    public static OrderSpec withoutCsr(
            Product product,
            int validityYears,
            RequestType requestType,
            ServerPlatform serverPlatform,
            String commonName,
            List<String> names) {
        return new OrderSpec(product, validityYears, requestType, null, serverPlatform, null, commonName, names, null);
    }
}
