package com.certportal.ordering.web;

import com.certportal.action.ActionRefused;
import com.certportal.action.ActionRefused.FieldProblem;
import com.certportal.catalog.Product;
import com.certportal.order.CertificateOrder;
import com.certportal.order.DcvMethod;
import com.certportal.order.OrderNumbers;
import com.certportal.order.Payment;
import com.certportal.order.PaymentMethod;
import com.certportal.order.RequestType;
import com.certportal.order.ServerPlatform;
import com.certportal.ordering.PlaceOrder;
import com.certportal.ordering.TokenChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.web.multipart.MultipartFile;

/**
 * O1: the request form as the browser sends it (the form contract of `/orders/new`). Every choice is
 * one of the listed values; anything else is refused on its field, never guessed.
 */
public record RequestForm(
        String product,
        String csr,
        MultipartFile csrFile,
        String sans,
        String orderValidityYears,
        String serverPlatform,
        String requestType,
        String renewalOf,
        String licences,
        String paymentMethod,
        String voucherCode,
        String enterpriseUnit,
        String hardwareToken,
        String dcvMethod,
        String comment,
        String action) {

    /** The form as first shown: one year, one licence, a new order, the CSR's names validated by email. */
    static RequestForm blank() {
        return new RequestForm(
                "tls_dv",
                null,
                null,
                null,
                "1",
                "apache",
                "new",
                null,
                "1",
                "credit_card",
                null,
                null,
                null,
                "email",
                null,
                null);
    }

    /**
     * K6: "Renew" opens the form with what the renewed order had, as a renewal of it: product, plan,
     * platform, licences, domain validation, and its names other than the common name as additional
     * names (the new CSR brings the key and the common name). The renewal is a new order, paid again:
     * the way of paying is suggested, never the renewed order's voucher (it is used).
     */
    static RequestForm renewing(CertificateOrder order) {
        Payment payment = order.getPayment();
        List<String> otherNames = order.getSubjectAltNames().stream()
                .filter(name -> !name.equals(order.getCommonName()))
                .toList();
        return new RequestForm(
                order.getProduct().formKey(),
                null,
                null,
                order.getProduct().certifiesDnsNames() ? String.join("\n", otherNames) : null,
                String.valueOf(order.getValidityYears()),
                order.getServerPlatform().formKey(),
                RequestType.RENEWAL.formKey(),
                order.getOrderNumber(),
                String.valueOf(Math.max(payment.getLicences(), 1)),
                payment.getMethod().formKey(),
                null,
                payment.getEnterpriseUnit() == null
                        ? null
                        : String.valueOf(payment.getEnterpriseUnit().getId()),
                order.getProduct().offersHardwareToken() ? TokenChoice.NEW : null,
                order.getDcvMethod() == null ? "email" : order.getDcvMethod().key(),
                null,
                null);
    }

    /** K6: the order this form renews, if it is a renewal form naming a well-formed order number. */
    Optional<String> renewing() {
        String number = strip(renewalOf);
        return RequestType.fromFormKey(strip(requestType)).orElse(null) == RequestType.RENEWAL
                        && OrderNumbers.isWellFormed(number)
                ? Optional.of(number)
                : Optional.empty();
    }

    /** After a preview the CSR is kept as text, so a file chosen once need not be chosen again. */
    RequestForm withCsr(String pem) {
        return new RequestForm(
                product,
                pem,
                null,
                sans,
                orderValidityYears,
                serverPlatform,
                requestType,
                renewalOf,
                licences,
                paymentMethod,
                voucherCode,
                enterpriseUnit,
                hardwareToken,
                dcvMethod,
                comment,
                action);
    }

    boolean wantsPreview() {
        return "preview".equals(action);
    }

    Optional<Product> chosenProduct() {
        return Product.fromFormKey(strip(product));
    }

    /** O1: the typed command, or every field that is not one of its choices (refused, nothing stored). */
    PlaceOrder toCommand() {
        List<FieldProblem> problems = new ArrayList<>();
        Product chosen = choice("product", product, Product::fromFormKey, problems);
        Integer years = number("orderValidityYears", orderValidityYears, problems);
        ServerPlatform platform = choice("serverPlatform", serverPlatform, ServerPlatform::fromFormKey, problems);
        RequestType type = choice("requestType", requestType, RequestType::fromFormKey, problems);
        Integer licenceCount = number("licences", licences, problems);
        PaymentMethod method = choice("paymentMethod", paymentMethod, PaymentMethod::fromFormKey, problems);
        Long unit = null;
        if (method == PaymentMethod.ENTERPRISE_UNIT && !blank(enterpriseUnit)) {
            Integer parsed = number("enterpriseUnit", enterpriseUnit, problems);
            unit = parsed == null ? null : parsed.longValue();
        }
        DcvMethod dcv = blank(dcvMethod) ? null : choice("dcvMethod", dcvMethod, DcvMethod::fromKey, problems);
        byte[] upload = upload(problems);
        if (!problems.isEmpty()) {
            throw ActionRefused.invalidFields(problems);
        }
        // One form serves every product: the parts of it a product does not use (domain validation for
        // signing certificates, a token for TLS) are not part of its command.
        return new PlaceOrder(
                chosen,
                csr,
                upload,
                sans,
                years,
                platform,
                type,
                renewalOf,
                licenceCount,
                method,
                method == PaymentMethod.VOUCHER ? voucherCode : null,
                unit,
                chosen.offersHardwareToken() ? token() : null,
                chosen.validatesDomains() ? dcv : null,
                comment);
    }

    private TokenChoice token() {
        if (blank(hardwareToken)) {
            return null;
        }
        String value = hardwareToken.strip();
        return TokenChoice.NEW.equals(value) ? TokenChoice.buyNewToken() : TokenChoice.existing(value);
    }

    private byte[] upload(List<FieldProblem> problems) {
        return CsrUpload.bytes(csrFile, problems);
    }

    private static <T> T choice(
            String field, String value, Function<String, Optional<T>> fromKey, List<FieldProblem> problems) {
        Optional<T> chosen = fromKey.apply(strip(value));
        if (chosen.isEmpty()) {
            problems.add(new FieldProblem(field, "order.form.choose", List.of()));
        }
        return chosen.orElse(null);
    }

    private static Integer number(String field, String value, List<FieldProblem> problems) {
        try {
            return Integer.valueOf(strip(value));
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "order.form.number", List.of()));
            return null;
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
