package com.certportal.order.web;

import com.certportal.action.BadRequestException;
import com.certportal.order.OrderNumbers;
import com.certportal.order.OrderSearch;
import com.certportal.order.OrderStatus;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * L4: everything that shapes the order list lives in its URL (`/orders?status=issued&q=example&page=2`),
 * so a filtered list, and even its open quick view, can be bookmarked and shared. Pages count from 1.
 */
public record OrderListParams(String status, String q, Integer page, Integer size, String view) {

    public static final List<Integer> PAGE_SIZES = List.of(10, 25, 50, 100);
    static final int DEFAULT_SIZE = 25;
    static final int LARGEST_SIZE = PAGE_SIZES.get(PAGE_SIZES.size() - 1);
    static final int MAX_QUERY_LENGTH = 200;

    public OrderListParams {
        status = statusKey(status);
        q = q == null ? null : Normalizer.normalize(q, Normalizer.Form.NFKC).strip();
        // Issue 9: more rows than the largest page are a wish for the largest page, not an error.
        size = size != null && size > LARGEST_SIZE ? Integer.valueOf(LARGEST_SIZE) : size;
        view = blankToNull(view);
    }

    /** Checks every parameter; anything malformed is a 400, not a guess. */
    public OrderListParams checked() {
        if (status != null && OrderStatus.fromKey(status).isEmpty()) {
            throw new BadRequestException("unknown status " + status);
        }
        if (q != null && (q.length() > MAX_QUERY_LENGTH || q.chars().anyMatch(Character::isISOControl))) {
            throw new BadRequestException("bad search text");
        }
        if (page != null && (page < 1 || (long) (page - 1) * pageSize() > Integer.MAX_VALUE)) {
            throw new BadRequestException("page " + page);
        }
        if (size != null && !PAGE_SIZES.contains(size)) {
            throw new BadRequestException("size " + size);
        }
        if (view != null && !OrderNumbers.isWellFormed(view)) {
            throw new BadRequestException("view " + view);
        }
        return this;
    }

    public OrderSearch toSearch() {
        return new OrderSearch(
                Optional.ofNullable(status).flatMap(OrderStatus::fromKey),
                Optional.ofNullable(q),
                pageNumber() - 1,
                pageSize());
    }

    public int pageNumber() {
        return page == null ? 1 : page;
    }

    public int pageSize() {
        return size == null ? DEFAULT_SIZE : size;
    }

    public String pageUrl(int pageNumber) {
        return url(pageNumber, view);
    }

    public String viewUrl(String orderNumber) {
        return url(pageNumber(), orderNumber);
    }

    public String closeViewUrl() {
        return url(pageNumber(), null);
    }

    /** The same orders as a CSV file: filter, search and page size, every page (issue 9). */
    public String csvUrl() {
        return url("/orders.csv", 1, null);
    }

    private String url(int pageNumber, String viewing) {
        return url("/orders", pageNumber, viewing);
    }

    /** Values go in as URI variables, so that "+", "&" and "#" in a search survive the round trip. */
    private String url(String path, int pageNumber, String viewing) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        Map<String, Object> values = new LinkedHashMap<>();
        add(builder, values, "status", status);
        add(builder, values, "q", q == null || q.isEmpty() ? null : q);
        add(builder, values, "page", pageNumber > 1 ? pageNumber : null);
        add(builder, values, "size", size);
        add(builder, values, "view", viewing);
        return builder.encode().buildAndExpand(values).toUriString();
    }

    private static void add(UriComponentsBuilder builder, Map<String, Object> values, String name, Object value) {
        if (value != null) {
            builder.queryParam(name, "{" + name + "}");
            values.put(name, value);
        }
    }

    /**
     * Issue 9: a status as people type it (`REVOKED`, full-width `ＩＳＳＵＥＤ`) is understood; one padded
     * with control characters (`issued%0d`) is left as sent, so that {@link #checked()} refuses it.
     */
    private static String statusKey(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String normalized = Normalizer.normalize(value, Normalizer.Form.NFKC);
        if (normalized.chars().anyMatch(Character::isISOControl)) {
            return normalized;
        }
        return normalized.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
