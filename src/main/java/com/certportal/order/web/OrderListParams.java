package com.certportal.order.web;

import com.certportal.action.BadRequestException;
import com.certportal.order.ListCursor;
import com.certportal.order.OrderNumbers;
import com.certportal.order.OrderSearch;
import com.certportal.order.OrderSort;
import com.certportal.order.OrderStatus;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * L4, D3: everything that shapes the order list lives in its URL
 * (`/orders?status=issued&q=example&sort=expiry&expiring=30&after=...`), so a filtered, sorted list,
 * any page of it, and even its open quick view, can be bookmarked and shared. A page is named by the
 * order it starts after (or ends before), not by a number (issue 10: no offset to skip).
 */
public record OrderListParams(
        String status,
        String q,
        Integer size,
        String view,
        String sort,
        Integer expiring,
        String after,
        String before) {

    /** D3: the list filters orders whose certificate expires within these many days. */
    public static final List<Integer> EXPIRING_WITHIN = List.of(30, 60, 90);

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
        sort = blankToNull(sort);
    }

    /** Checks every parameter; anything malformed is a 400, not a guess. */
    public OrderListParams checked() {
        if (status != null && OrderStatus.fromKey(status).isEmpty()) {
            throw new BadRequestException("unknown status " + status);
        }
        if (q != null && (q.length() > MAX_QUERY_LENGTH || q.chars().anyMatch(Character::isISOControl))) {
            throw new BadRequestException("bad search text");
        }
        if (sort != null && OrderSort.fromKey(sort).isEmpty()) {
            throw new BadRequestException("sort " + sort);
        }
        if (expiring != null && !EXPIRING_WITHIN.contains(expiring)) {
            throw new BadRequestException("expiring " + expiring);
        }
        if ((after != null && ListCursor.parse(after).isEmpty())
                || (before != null && ListCursor.parse(before).isEmpty())
                || (after != null && before != null)) {
            throw new BadRequestException("cursor");
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
                Optional.ofNullable(expiring),
                sortChosen(),
                Optional.ofNullable(after).flatMap(ListCursor::parse),
                Optional.ofNullable(before).flatMap(ListCursor::parse),
                pageSize());
    }

    /**
     * The sort asked for, else the one that fits the filter: newest order first, but soonest expiry first
     * for orders expiring within some days (D3). That is what someone renewing in time reads first, and
     * the one order an index serves for it without reading a year of newer orders (issue 10).
     */
    public OrderSort sortChosen() {
        return sort == null ? fittingSort() : OrderSort.fromKey(sort).orElse(fittingSort());
    }

    /** The value the sort menu sends for {@code option}: none for the filter's own sort, so that it follows the filter. */
    public String sortValue(OrderSort option) {
        return option == fittingSort() ? "" : option.key();
    }

    private OrderSort fittingSort() {
        return expiring == null ? OrderSort.PLACED : OrderSort.EXPIRY;
    }

    public int pageSize() {
        return size == null ? DEFAULT_SIZE : size;
    }

    /** The page that follows, starting after {@code cursor}. */
    public String nextUrl(ListCursor cursor) {
        return url("/orders", cursor.token(), null, view);
    }

    /** The page before, ending before {@code cursor}. */
    public String previousUrl(ListCursor cursor) {
        return url("/orders", null, cursor.token(), view);
    }

    /** Whether this is a page further into the list than its first. */
    public boolean paged() {
        return after != null || before != null;
    }

    /** The first page of the same list. */
    public String firstUrl() {
        return url("/orders", null, null, view);
    }

    public String viewUrl(String orderNumber) {
        return url("/orders", after, before, orderNumber);
    }

    public String closeViewUrl() {
        return url("/orders", after, before, null);
    }

    /** The same orders as a CSV file: filter, search and sort, every page (issue 9). */
    public String csvUrl() {
        return url("/orders.csv", null, null, null);
    }

    /** Values go in as URI variables, so that "+", "&" and "#" in a search survive the round trip. */
    private String url(String path, String afterCursor, String beforeCursor, String viewing) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        Map<String, Object> values = new LinkedHashMap<>();
        add(builder, values, "status", status);
        add(builder, values, "q", q == null || q.isEmpty() ? null : q);
        add(builder, values, "sort", sort);
        add(builder, values, "expiring", expiring);
        add(builder, values, "size", size);
        add(builder, values, "after", afterCursor);
        add(builder, values, "before", beforeCursor);
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
