package com.certportal.export;

import com.certportal.account.CurrentMember;
import com.certportal.order.Certificate;
import com.certportal.order.CertificateOrder;
import com.certportal.order.OrderFinder;
import com.certportal.order.web.OrderListParams;
import com.certportal.refund.RefundCase;
import com.certportal.refund.RefundCases;
import com.certportal.web.DisplayTimes;
import com.certportal.web.WebMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Issue 9, CSV exports for spreadsheets: the order list exactly as `/orders` shows it with the same
 * parameters (visibility, status filter and search; every page, streamed a chunk at a time), and the
 * refund cases (P2). Headings and values (statuses, products) in the member's language, times in its
 * time zone.
 */
@Controller
class CsvExports {

    private static final int CHUNK = 500;
    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final OrderFinder orders;
    private final RefundCases refundCases;
    private final WebMessages messages;
    private final DisplayTimes times;
    private final Clock clock;

    CsvExports(OrderFinder orders, RefundCases refundCases, WebMessages messages, DisplayTimes times, Clock clock) {
        this.orders = orders;
        this.refundCases = refundCases;
        this.messages = messages;
        this.times = times;
        this.clock = clock;
    }

    @GetMapping("/orders.csv")
    void orders(
            @ModelAttribute("params") OrderListParams params,
            @AuthenticationPrincipal CurrentMember member,
            HttpServletResponse response)
            throws IOException {
        params.checked();
        start(response, "orders");
        try (CsvWriter csv = new CsvWriter(response.getOutputStream())) {
            csv.row(List.of(
                    messages.text("orders.col.number"),
                    messages.text("orders.col.common-name"),
                    messages.text("csv.orders.sans"),
                    messages.text("orders.col.product"),
                    messages.text("orders.col.status"),
                    messages.text("orders.col.requester"),
                    zoned("csv.orders.placed"),
                    zoned("csv.orders.first-issued"),
                    zoned("csv.orders.expires")));
            orders.forEachMatching(params.toSearch(), member, CHUNK, order -> {
                try {
                    csv.row(row(order));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @GetMapping("/refunds.csv")
    void refunds(@AuthenticationPrincipal CurrentMember member, HttpServletResponse response) throws IOException {
        List<RefundCase> cases = refundCases.list(member);
        start(response, "refund-cases");
        try (CsvWriter csv = new CsvWriter(response.getOutputStream())) {
            csv.row(List.of(
                    messages.text("refund.cases.col.status"),
                    messages.text("orders.col.number"),
                    messages.text("orders.col.common-name"),
                    messages.text("refund.cases.col.amount"),
                    messages.text("csv.refunds.currency"),
                    messages.text("orders.col.requester"),
                    zoned("csv.refunds.opened"),
                    zoned("csv.refunds.contacted"),
                    zoned("csv.refunds.refunded")));
            for (RefundCase refund : cases) {
                csv.row(List.of(
                        messages.text("refund-status." + refund.getStatus().key()),
                        refund.getOrder().getOrderNumber(),
                        refund.getOrder().getCommonName(),
                        refund.getAmount().toPlainString(),
                        refund.getCurrency(),
                        refund.getOrder().getRequester().getEmail(),
                        time(refund.getOpenedAt()),
                        time(refund.getContactedAt()),
                        time(refund.getRefundedAt())));
            }
        }
    }

    private List<String> row(CertificateOrder order) {
        return List.of(
                order.getOrderNumber(),
                order.getCommonName(),
                String.join(" ", order.getSubjectAltNames()),
                messages.text(order.getProduct().key()),
                messages.text("status." + order.getStatus().key()),
                order.getRequester().getEmail(),
                time(order.getCreatedAt()),
                time(order.getFirstIssuedAt()),
                order.currentCertificate()
                        .map(Certificate::getExpiresAt)
                        .map(this::time)
                        .orElse(""));
    }

    /** A heading that names the time zone its times are in ("Placed (Asia/Tokyo)"). */
    private String zoned(String key) {
        return messages.text(key, times.zone().getId());
    }

    private String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(times.zone()));
    }

    private void start(HttpServletResponse response, String name) {
        String file = name + "-" + FILE_DATE.format(clock.instant().atZone(times.zone())) + ".csv";
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
