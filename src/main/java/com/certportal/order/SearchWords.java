package com.certportal.order;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * L2, issue 10: the word of a search text that the trigram indexes are asked for. A GIN trigram scan
 * reads the posting list of every trigram in its pattern, so a rare name made of common words
 * (`www.shop-12.example.co.jp`: www, example, co, jp) costs as much as all those words together, and more
 * the more orders there are (68 ms at a million orders, against 1 ms for `shop-12` alone). The search
 * asks the index for the rarest word only and checks the whole text on the rows it finds, which gives
 * the same rows.
 *
 * <p>How common a word is comes from the sample of names PostgreSQL's planner keeps (pg_stats), read
 * again at most every {@link #REFRESH}; without one (H2, a table never analyzed) the longest word is
 * taken. Only words of three characters or more have trigrams of their own.
 */
@Component
class SearchWords {

    static final Duration REFRESH = Duration.ofMinutes(10);
    private static final int SHORTEST_WORD = 3;
    private static final Logger log = LoggerFactory.getLogger(SearchWords.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Clock clock;
    private volatile Sample sample;
    private volatile Boolean postgres;

    SearchWords(JdbcClient jdbc, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Plans the current transaction's statements for their values. A search's best plan depends on its
     * text: a common word is found soonest by walking the list's index, a rare one by the trigram indexes.
     * A prepared statement run often enough gets a generic plan made without the value, which would walk
     * a million orders for a rare word (or gather a quarter of a million for a common one), so a search
     * never takes one. Must run inside the search's transaction; nothing to do on H2.
     */
    void planForTheValues() {
        if (postgres()) {
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        }
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            try {
                known = JdbcUtils.<String>extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
                        .equals("PostgreSQL");
            } catch (MetaDataAccessException unknown) {
                known = false;
            }
            postgres = known;
        }
        return known;
    }

    /**
     * The word of {@code text} (lower case) to look up in the indexes, or the whole text when it has no
     * other word worth looking up on its own.
     */
    String indexWord(String text) {
        List<String> words = words(text);
        if (words.isEmpty() || (words.size() == 1 && words.get(0).equals(text))) {
            return text;
        }
        List<String> names = sample().names();
        return words.stream()
                .min(Comparator.<String>comparingLong(word -> names.stream()
                                .filter(name -> name.contains(word))
                                .count())
                        .thenComparing(Comparator.comparingInt(String::length).reversed()))
                .orElse(text);
    }

    /** The runs of letters and digits that PostgreSQL's pg_trgm takes as words, long enough for a trigram. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean wordCharacter = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (wordCharacter && start < 0) {
                start = i;
            } else if (!wordCharacter && start >= 0) {
                if (text.codePointCount(start, i) >= SHORTEST_WORD) {
                    words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                }
                start = -1;
            }
        }
        return words;
    }

    private Sample sample() {
        Sample current = sample;
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.readAt().plus(REFRESH))) {
            current = new Sample(read(), now);
            sample = current;
        }
        return current;
    }

    /** The planner's sample of common names and SANs: its histogram and most common values. */
    private List<String> read() {
        if (!postgres()) {
            return List.of(); // H2 (the demo) keeps no such sample and has no trigram index either
        }
        try {
            return jdbc.sql("select unnest(histogram_bounds::text::text[]) from pg_stats"
                            + " where schemaname = current_schema() and tablename = 'certificate_order'"
                            + " and attname in ('common_name', 'subject_alt_names')"
                            + " union all select unnest(most_common_vals::text::text[]) from pg_stats"
                            + " where schemaname = current_schema() and tablename = 'certificate_order'"
                            + " and attname in ('common_name', 'subject_alt_names')")
                    .query(String.class)
                    .list();
        } catch (DataAccessException noStatistics) {
            log.warn("no planner statistics for search words: {}", noStatistics.getMessage());
            return List.of();
        }
    }

    private record Sample(List<String> names, Instant readAt) {}
}
