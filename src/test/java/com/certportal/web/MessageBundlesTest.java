package com.certportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.certportal.account.Role;
import com.certportal.catalog.Product;
import com.certportal.order.Certificate;
import com.certportal.order.OrderStatus;
import com.certportal.order.PaymentMethod;
import com.certportal.order.RequestType;
import com.certportal.order.RevocationReason;
import com.certportal.order.ServerPlatform;
import com.certportal.support.PlainWords;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Japanese and English stay in step: the same keys in both bundles, the same arguments in each
 * message, and every key the templates and the domain ask for is there.
 */
class MessageBundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z0-9._-]+)");

    private final Properties english = load("messages.properties");
    private final Properties japanese = load("messages_ja.properties");

    @Test
    void englishAndJapaneseHaveExactlyTheSameKeys() {
        Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(japanese.stringPropertyNames());
        Set<String> onlyJapanese = new TreeSet<>(japanese.stringPropertyNames());
        onlyJapanese.removeAll(english.stringPropertyNames());

        assertThat(onlyEnglish).as("keys missing from messages_ja.properties").isEmpty();
        assertThat(onlyJapanese).as("keys missing from messages.properties").isEmpty();
        assertThat(english.stringPropertyNames()).hasSizeGreaterThan(100);
    }

    /** A key defined twice silently loses its first meaning (Properties keeps the last). */
    @Test
    void noKeyIsDefinedTwiceInABundle() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_ja.properties")) {
            List<String> keys = Files.readAllLines(RESOURCES.resolve(bundle)).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && line.contains("="))
                    .map(line -> line.substring(0, line.indexOf('=')).strip())
                    .toList();
            assertThat(keys).as(bundle).doesNotHaveDuplicates();
        }
    }

    @Test
    void noMessageIsEmpty() {
        for (Properties bundle : List.of(english, japanese)) {
            assertThat(bundle.stringPropertyNames())
                    .allSatisfy(
                            key -> assertThat(bundle.getProperty(key)).as(key).isNotBlank());
        }
    }

    /** A message that takes {0} in one language takes it in the other, and both are valid patterns. */
    @Test
    void eachMessageTakesTheSameArgumentsInBothLanguages() {
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            String ja = japanese.getProperty(key, "");
            assertThat(arguments(ja)).as(key).isEqualTo(arguments(en));
            if (!arguments(en).isEmpty()) {
                assertThat(new MessageFormat(en, Locale.ENGLISH).format(sampleArguments()))
                        .as(key)
                        .isNotBlank();
                assertThat(new MessageFormat(ja, Locale.JAPANESE).format(sampleArguments()))
                        .as(key)
                        .isNotBlank();
            }
        }
    }

    /** Japanese messages are actually translated: one that still reads as English slipped through. */
    @Test
    void japaneseMessagesAreNotLeftInEnglish() {
        Set<String> sameInBothLanguages = Set.of(
                "app.name",
                "history.system",
                "history.move",
                "history.detail",
                "lang.ja",
                "lang.en",
                "money",
                "new.csr.placeholder",
                "platform.apache",
                "platform.nginx",
                "platform.microsoft_iis",
                "platform.tomcat");
        List<String> untranslated = new ArrayList<>();
        for (String key : japanese.stringPropertyNames()) {
            if (!sameInBothLanguages.contains(key) && japanese.getProperty(key).equals(english.getProperty(key))) {
                untranslated.add(key);
            }
        }
        assertThat(untranslated).isEmpty();
    }

    @Test
    void everyMessageKeyUsedLiterallyInATemplateExistsInBothBundles() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template :
                    templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher matcher = LITERAL_KEY.matcher(Files.readString(template));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }

        assertThat(used).hasSizeGreaterThan(50);
        assertThat(used).allSatisfy(key -> {
            assertThat(english).as("en").containsKey(key);
            assertThat(japanese).as("ja").containsKey(key);
        });
    }

    /** The keys built from domain values in templates (`#{${'status.' + s.key()}}`, ...). */
    @Test
    void everyDomainValueShownInAPageHasAMessageInBothBundles() {
        List<String> keys = new ArrayList<>();
        Arrays.stream(OrderStatus.values()).forEach(s -> keys.add("status." + s.key()));
        Arrays.stream(Role.values()).forEach(r -> keys.add("role." + r.key()));
        Arrays.stream(RevocationReason.values()).forEach(r -> keys.add("revocation-reason." + r.key()));
        Arrays.stream(Product.values()).forEach(p -> keys.add(p.key()));
        Arrays.stream(RequestType.values()).forEach(t -> keys.add(t.key()));
        Arrays.stream(ServerPlatform.values()).forEach(p -> keys.add(p.key()));
        Arrays.stream(PaymentMethod.values()).forEach(m -> keys.add(m.key()));
        Arrays.stream(Certificate.Status.values()).forEach(s -> keys.add(s.key()));
        keys.addAll(List.of(
                "order.refused.cancel-not-pending",
                "order.refused.revoke-not-issued",
                "order.refused.not-issued",
                "order.refused.illegal-move"));

        assertThat(keys).allSatisfy(key -> {
            assertThat(english).as("en").containsKey(key);
            assertThat(japanese).as("ja").containsKey(key);
        });
    }

    /** The UI terms of RULES.md (Words) are the ones the Japanese pages use. */
    @Test
    void japaneseUsesTheTermsOfTheRuleBook() {
        assertThat(japanese.getProperty("nav.orders")).isEqualTo("オーダー");
        assertThat(japanese.getProperty("order.number")).isEqualTo("オーダー番号");
        assertThat(japanese.getProperty("order.first-issued")).isEqualTo("初回発行日");
        assertThat(japanese.getProperty("status.pending")).isEqualTo("保留中");
        assertThat(japanese.getProperty("status.issued")).isEqualTo("発行済み");
        assertThat(japanese.getProperty("status.canceled")).isEqualTo("キャンセル済み");
        assertThat(japanese.getProperty("status.revoked")).isEqualTo("失効済み");
        assertThat(japanese.getProperty("order.actions")).isEqualTo("証明書アクション");
        assertThat(japanese.getProperty("orders.quick-view")).isEqualTo("クイックビュー");
        assertThat(japanese.getProperty("role.administrator")).isEqualTo("管理者");
    }

    /**
     * Issue 9, finding 7 (and 6's configuration key): no message a member reads shows a rule id such as
     * "(P3)" or the code's words ("refund routing", spring.mail.host); those belong to code and tests.
     */
    @Test
    void noMessageShowsARuleIdOrTheCodesOwnWords() {
        for (Properties bundle : List.of(english, japanese)) {
            List<String> notPlain = new ArrayList<>();
            for (String key : new TreeSet<>(bundle.stringPropertyNames())) {
                PlainWords.notPlain(bundle.getProperty(key)).forEach(word -> notPlain.add(key + ": " + word));
            }
            assertThat(notPlain).isEmpty();
        }
    }

    /** Issue 9, finding 9: English spells "canceled" one way, the American way the status uses. */
    @Test
    void englishSpellsCanceledOneWay() {
        assertThat(english.getProperty("status.canceled")).isEqualTo("Canceled");
        assertThat(english.stringPropertyNames())
                .filteredOn(key -> english.getProperty(key).matches("(?is).*\\bcancell(ed|ing)\\b.*"))
                .isEmpty();
    }

    /** Issue 9, finding 9: the Japanese name of TLS/SSL EV is translated as those of DV and OV are. */
    @Test
    void japaneseNamesEveryTlsProductByItsValidationLevel() {
        assertThat(List.of("product.tls_dv", "product.tls_ov", "product.tls_ev"))
                .allSatisfy(key ->
                        assertThat(japanese.getProperty(key)).as(key).matches("TLS/SSL \\S+認証 \\((DV|OV|EV)\\)"));
        assertThat(japanese.getProperty("product.tls_ev")).isEqualTo("TLS/SSL 拡張認証 (EV)");
    }

    private static Set<String> arguments(String message) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(message);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Object[] sampleArguments() {
        return new Object[] {1, 2, 3, 4};
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
