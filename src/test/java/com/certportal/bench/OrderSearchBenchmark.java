package com.certportal.bench;

import com.certportal.CertPortalApplication;
import com.certportal.account.CurrentMember;
import com.certportal.account.MemberRepository;
import com.certportal.order.OrderFinder;
import com.certportal.order.OrderSearch;
import com.certportal.order.OrderStatus;
import com.certportal.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * L2 at scale, measured rather than asserted: one account with {@code ORDERS} orders on PostgreSQL, the
 * list's search (one select + one count) timed for typical queries, with the trigram indexes of
 * db/migration/postgresql and again without them. Not part of {@code ./mvnw verify}; run with
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.certportal.bench.OrderSearchBenchmark [-Dbench.orders=100000]</pre>
 *
 * It writes its figures to target/bench/order-search.md; docs/benchmarks.md records a run.
 */
public final class OrderSearchBenchmark {

    private static final int WARMUP = 5;
    private static final int RUNS = 25;

    public static void main(String[] args) throws IOException {
        int orders = Integer.getInteger("bench.orders", 100_000);
        TestDatabase database = TestDatabase.get();
        SpringApplication application = new SpringApplication(CertPortalApplication.class);
        try (ConfigurableApplicationContext context = application.run(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--certportal.demo.enabled=true",
                "--certportal.scheduling.enabled=false",
                "--server.port=0",
                "--logging.level.root=WARN")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long seeded = seed(jdbc, orders);
            CurrentMember admin = context.getBean(TransactionTemplate.class)
                    .execute(s -> new CurrentMember(context.getBean(MemberRepository.class)
                            .findByEmail("admin@example.com")
                            .orElseThrow()));
            OrderFinder finder = context.getBean(OrderFinder.class);
            jdbc.execute("analyze");

            List<String> report = new ArrayList<>();
            report.add("# Order search benchmark");
            report.add("");
            report.add("PostgreSQL " + jdbc.queryForObject("show server_version", String.class) + ", "
                    + seeded + " orders in one account (plus the demo data), administrator's view, page size 25; "
                    + RUNS + " timed runs after " + WARMUP + " warm-up runs, milliseconds per list page "
                    + "(select + count).");
            report.add("");
            report.add("| query | with trigram indexes p50 / p95 | without p50 / p95 | rows |");
            report.add("|---|---|---|---|");
            List<Object[]> cases = List.of(
                    new Object[] {"no filter (newest first)", Optional.empty(), Optional.empty()},
                    new Object[] {"status=issued", Optional.of(OrderStatus.ISSUED), Optional.empty()},
                    new Object[] {"q=bench-04242 (CN substring)", Optional.empty(), Optional.of("bench-04242")},
                    new Object[] {"q=API.BENCH-0777 (SAN, case)", Optional.empty(), Optional.of("API.BENCH-0777")},
                    new Object[] {"q=10050 (order number part)", Optional.empty(), Optional.of("10050")},
                    new Object[] {"q=nomatch-zzz", Optional.empty(), Optional.of("nomatch-zzz")});
            for (Object[] c : cases) { // warms the JVM and the caches for both series alike
                time(finder, admin, c);
            }
            setTrigramIndexes(jdbc, false);
            List<double[]> without = new ArrayList<>();
            for (Object[] c : cases) {
                without.add(time(finder, admin, c));
            }
            setTrigramIndexes(jdbc, true);
            for (int i = 0; i < cases.size(); i++) {
                double[] w = time(finder, admin, cases.get(i));
                double[] wo = without.get(i);
                report.add(String.format(
                        Locale.ROOT,
                        "| %s | %.1f / %.1f | %.1f / %.1f | %d |",
                        cases.get(i)[0],
                        w[0],
                        w[1],
                        wo[0],
                        wo[1],
                        (long) w[2]));
            }
            Path out = Path.of("target", "bench", "order-search.md");
            Files.createDirectories(out.getParent());
            Files.write(out, report);
            report.forEach(System.out::println); // a benchmark's output is its report
        }
    }

    /** Bulk rows in SQL (not through the domain: this measures reads, and must seed quickly). */
    private static long seed(JdbcTemplate jdbc, int orders) {
        Long accountId =
                jdbc.queryForObject("select account_id from member where email = 'admin@example.com'", Long.class);
        Long adminId = jdbc.queryForObject("select id from member where email = 'admin@example.com'", Long.class);
        Long userId = jdbc.queryForObject("select id from member where email = 'user@example.com'", Long.class);
        jdbc.update("""
                insert into certificate_order (order_number, account_id, requester_id, product, validity_years,
                    request_type, server_platform, common_name, subject_alt_names, status, first_issued_at,
                    payment_method, paid, price, currency, licences, treated_as_cancellation, version,
                    created_at, updated_at)
                select (20000000 + g)::text, ?, case when g % 3 = 0 then ? else ? end, 'TLS_DV', 1, 'NEW', 'NGINX',
                    'bench-' || lpad(g::text, 5, '0') || '.example.com',
                    'bench-' || lpad(g::text, 5, '0') || '.example.com' || chr(10) ||
                    'api.bench-' || lpad(g::text, 5, '0') || '.example.com',
                    case when g % 10 = 0 then 'PENDING' else 'ISSUED' end,
                    case when g % 10 = 0 then null else now() - (g || ' minutes')::interval end,
                    'CREDIT_CARD', true, 10000, 'JPY', 0, false, 0,
                    now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
                from generate_series(1, ?) g
                """, accountId, adminId, userId, orders);
        return orders;
    }

    private static void setTrigramIndexes(JdbcTemplate jdbc, boolean present) {
        Map<String, String> indexes = Map.of(
                "certificate_order_common_name_trgm", "certificate_order using gin (common_name gin_trgm_ops)",
                "certificate_order_sans_trgm", "certificate_order using gin (subject_alt_names gin_trgm_ops)",
                "certificate_order_number_trgm", "certificate_order using gin (order_number gin_trgm_ops)",
                "member_email_trgm", "member using gin (email gin_trgm_ops)");
        indexes.forEach((name, definition) ->
                jdbc.execute(present ? "create index " + name + " on " + definition : "drop index " + name));
        jdbc.execute("analyze");
    }

    /** @return p50 and p95 in milliseconds, and the total number of matching rows */
    @SuppressWarnings("unchecked")
    private static double[] time(OrderFinder finder, CurrentMember member, Object[] c) {
        OrderSearch search = OrderSearch.of((Optional<OrderStatus>) c[1], (Optional<String>) c[2], 25);
        long total = 0;
        for (int i = 0; i < WARMUP; i++) {
            total = finder.search(search, member).total();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            finder.search(search, member);
            millis[i] = (System.nanoTime() - start) / 1_000_000.0;
        }
        Arrays.sort(millis);
        return new double[] {millis[RUNS / 2], millis[(int) Math.ceil(RUNS * 0.95) - 1], total};
    }
}
