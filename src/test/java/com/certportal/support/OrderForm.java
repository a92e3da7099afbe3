package com.certportal.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The request form of `/orders/new` as a browser submits it (O1, the stable form contract of issue 6):
 * a TLS/SSL DV order for one year, paid by card, its names validated by email, unless changed with
 * {@link #with}. Fields a product does not use may stay: the form sends them all.
 */
public final class OrderForm {

    private static final Pattern PLACED = Pattern.compile("^/orders/([0-9]{8})$");
    private static final Pattern REQUESTED = Pattern.compile("^/requests/([0-9]+)\\?order=([0-9]{8})$");

    private final Map<String, String> fields = new LinkedHashMap<>();

    private OrderForm() {}

    /** "Submit request" with a pasted CSR. */
    public static OrderForm submitting(String csr) {
        OrderForm form = new OrderForm();
        form.fields.put("product", "tls_dv");
        form.fields.put("csr", csr);
        form.fields.put("sans", "");
        form.fields.put("orderValidityYears", "1");
        form.fields.put("serverPlatform", "nginx");
        form.fields.put("requestType", "new");
        form.fields.put("renewalOf", "");
        form.fields.put("licences", "1");
        form.fields.put("paymentMethod", "credit_card");
        form.fields.put("voucherCode", "");
        form.fields.put("enterpriseUnit", "");
        form.fields.put("dcvMethod", "email");
        form.fields.put("comment", "");
        form.fields.put("action", "submit");
        return form;
    }

    /** The same form with one field set (or replaced). */
    public OrderForm with(String field, Object value) {
        OrderForm changed = copy();
        changed.fields.put(field, String.valueOf(value));
        return changed;
    }

    /** The same form without one field (a field the browser does not send). */
    public OrderForm without(String field) {
        OrderForm changed = copy();
        changed.fields.remove(field);
        return changed;
    }

    /** "Check the form" instead of "Submit request". */
    public OrderForm preview() {
        return with("action", "preview");
    }

    /** Name/value pairs for {@code post(by, "/orders/new", pairs)}. */
    public String[] pairs() {
        return fields.entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
    }

    /** O1: the order number of an order placed at once, from the redirect to its page. */
    public static String placedOrder(MvcTestResult result) {
        Matcher matcher = redirect(result, PLACED);
        return matcher.group(1);
    }

    /** O4: the request id and order number of an order waiting for approval, from the redirect to the request. */
    public static Requested requestedOrder(MvcTestResult result) {
        Matcher matcher = redirect(result, REQUESTED);
        return new Requested(Long.parseLong(matcher.group(1)), matcher.group(2));
    }

    /** An order request waiting on the requests page: its id there and its order's number. */
    public record Requested(long requestId, String orderNumber) {}

    private static Matcher redirect(MvcTestResult result, Pattern expected) {
        assertThat(result).hasStatus3xxRedirection();
        String location = result.getResponse().getRedirectedUrl();
        Matcher matcher = expected.matcher(location == null ? "" : location);
        assertThat(matcher.matches())
                .as("redirected to %s, expected %s", location, expected)
                .isTrue();
        return matcher;
    }

    private OrderForm copy() {
        OrderForm copy = new OrderForm();
        copy.fields.putAll(fields);
        return copy;
    }
}
