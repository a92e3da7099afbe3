package com.certportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.attoparser.AbstractMarkupHandler;
import org.attoparser.MarkupParser;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Every word a user reads comes from the message bundles, so that Japanese and English pages are
 * complete: no template holds text with letters outside an element whose body Thymeleaf replaces
 * (th:text, th:utext, th:replace, th:insert), and no plain placeholder, title, alt, aria-label or label
 * attribute holds letters. Templates are read with AttoParser, the parser Thymeleaf itself uses.
 */
class TemplateTextTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void noTemplateHasHardCodedUserVisibleText() throws IOException {
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates =
                    files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        List<String> findings = new ArrayList<>();
        for (Path template : templates) {
            findings.addAll(hardCodedText(TEMPLATES.relativize(template).toString(), Files.readString(template)));
        }

        assertThat(templates).hasSizeGreaterThanOrEqualTo(10);
        assertThat(findings).isEmpty();
    }

    /** The scanner itself: it must find what it is there to find, and nothing else. */
    @Test
    void theScannerFindsHardCodedTextAndAttributesButNotTranslatedOrReplacedOnes() {
        String template = """
                <!DOCTYPE html>
                <html xmlns:th="http://www.thymeleaf.org" th:replace="~{layout :: page(~{::title}, ~{::main})}">
                <head><title th:text="#{x.title}">Placeholder title</title></head>
                <body>
                <main>
                  <h1>Orders</h1>
                  <p th:text="#{x.intro}">Replaced <b>text</b></p>
                  <p>(<span th:text="${n}">3</span>) 400 &nbsp; &mdash;</p>
                  <div th:replace="~{fragment :: x}">Gone</div>
                  <p>[[#{x.inline}]] [(${value})]</p>
                  <input placeholder="Search here" th:title="#{x.tip}">
                  <img alt="Logo" src="/x.png">
                  <nav aria-label="Pages"></nav>
                  <input type="submit" value="Send">
                  <input type="hidden" name="mode" value="fast">
                  <span title="&#x2014;">-</span><a title="Old tip" th:title="#{x.tip}" th:text="#{x.link}"></a>
                  <p>Total: <span th:text="${total}"></span></p>
                  <script>var label = 'not checked';</script>
                </main>
                </body>
                </html>
                """;

        List<String> findings = hardCodedText("sample.html", template);

        assertThat(findings)
                .containsExactly(
                        "sample.html:6 text \"Orders\"",
                        "sample.html:11 placeholder=\"Search here\"",
                        "sample.html:12 alt=\"Logo\"",
                        "sample.html:13 aria-label=\"Pages\"",
                        "sample.html:14 value=\"Send\"",
                        "sample.html:17 text \"Total:\"");
    }

    static List<String> hardCodedText(String name, String template) {
        Scanner scanner = new Scanner(name);
        try {
            new MarkupParser(ParseConfiguration.htmlConfiguration()).parse(template, scanner);
        } catch (ParseException e) {
            throw new IllegalStateException(name + " does not parse", e);
        }
        return scanner.findings;
    }

    private static final class Scanner extends AbstractMarkupHandler {

        /** Attributes after which Thymeleaf writes the element's body (or the whole element) itself. */
        private static final Set<String> REPLACING =
                Set.of("th:text", "th:utext", "th:replace", "th:insert", "data-th-text", "data-th-utext");

        private static final Set<String> READ_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "label");

        private static final Set<String> BUTTON_INPUTS = Set.of("submit", "button", "reset");

        private static final Set<String> NOT_TEXT = Set.of("script", "style");

        private static final Pattern INLINE_EXPRESSION = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]", Pattern.DOTALL);

        private static final Pattern ENTITY = Pattern.compile("&#?[A-Za-z0-9]+;");

        private static final Pattern LETTER = Pattern.compile("\\p{L}");

        private final String name;
        private final List<String> findings = new ArrayList<>();
        private final Deque<Element> open = new ArrayDeque<>();
        private Element current;

        private Scanner(String name) {
            this.name = name;
        }

        private record Element(String name, Map<String, String> attributes, int line) {

            /** th:replace on the root only picks fragments (`~{::main}`) of this same file. */
            boolean replacesBody() {
                return !name.equals("html") && attributes.keySet().stream().anyMatch(REPLACING::contains);
            }
        }

        @Override
        public void handleOpenElementStart(char[] buffer, int offset, int len, int line, int col) {
            current = new Element(new String(buffer, offset, len).toLowerCase(Locale.ROOT), new HashMap<>(), line);
        }

        @Override
        public void handleOpenElementEnd(char[] buffer, int offset, int len, int line, int col) {
            checkAttributes(current);
            open.push(current);
            current = null;
        }

        @Override
        public void handleAutoOpenElementStart(char[] buffer, int offset, int len, int line, int col) {
            current = new Element(new String(buffer, offset, len).toLowerCase(Locale.ROOT), new HashMap<>(), line);
        }

        @Override
        public void handleAutoOpenElementEnd(char[] buffer, int offset, int len, int line, int col) {
            open.push(current);
            current = null;
        }

        @Override
        public void handleStandaloneElementStart(
                char[] buffer, int offset, int len, boolean minimized, int line, int col) {
            current = new Element(new String(buffer, offset, len).toLowerCase(Locale.ROOT), new HashMap<>(), line);
        }

        @Override
        public void handleStandaloneElementEnd(
                char[] buffer, int offset, int len, boolean minimized, int line, int col) {
            checkAttributes(current);
            current = null;
        }

        @Override
        public void handleCloseElementEnd(char[] buffer, int offset, int len, int line, int col) {
            close(new String(buffer, offset, len));
        }

        @Override
        public void handleAutoCloseElementEnd(char[] buffer, int offset, int len, int line, int col) {
            close(new String(buffer, offset, len));
        }

        @Override
        public void handleAttribute(
                char[] buffer,
                int nameOffset,
                int nameLen,
                int nameLine,
                int nameCol,
                int operatorOffset,
                int operatorLen,
                int operatorLine,
                int operatorCol,
                int valueContentOffset,
                int valueContentLen,
                int valueOuterOffset,
                int valueOuterLen,
                int valueLine,
                int valueCol) {
            current.attributes.put(
                    new String(buffer, nameOffset, nameLen).toLowerCase(Locale.ROOT),
                    new String(buffer, valueContentOffset, valueContentLen));
        }

        @Override
        public void handleText(char[] buffer, int offset, int len, int line, int col) {
            if (open.stream().anyMatch(e -> e.replacesBody() || NOT_TEXT.contains(e.name))) {
                return;
            }
            String text = new String(buffer, offset, len);
            if (hasLetters(text)) {
                int firstLine = line
                        + (int) text.substring(0, text.indexOf(text.strip()))
                                .chars()
                                .filter(c -> c == '\n')
                                .count();
                findings.add(name + ":" + firstLine + " text \"" + text.strip() + "\"");
            }
        }

        private void checkAttributes(Element element) {
            element.attributes.forEach((attribute, value) -> {
                boolean read = READ_ATTRIBUTES.contains(attribute)
                        || (attribute.equals("value")
                                && element.name.equals("input")
                                && BUTTON_INPUTS.contains(element.attributes
                                        .getOrDefault("type", "")
                                        .toLowerCase(Locale.ROOT)));
                boolean overridden = element.attributes.containsKey("th:" + attribute);
                if (read && !overridden && hasLetters(value)) {
                    findings.add(name + ":" + element.line + " " + attribute + "=\"" + value + "\"");
                }
            });
        }

        private void close(String elementName) {
            String closing = elementName.toLowerCase(Locale.ROOT);
            while (!open.isEmpty()) {
                if (open.pop().name.equals(closing)) {
                    return;
                }
            }
        }

        private static boolean hasLetters(String text) {
            String visible = ENTITY.matcher(INLINE_EXPRESSION.matcher(text).replaceAll(""))
                    .replaceAll("");
            return LETTER.matcher(visible).find();
        }
    }
}
