package com.certportal.support;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.HtmlUtils;

/** Reads rendered pages the way a test needs them: the body, its main section, the order rows. */
public final class Pages {

    private static final Pattern MAIN = Pattern.compile("<main\\b.*?</main>", Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);
    private static final Pattern ORDER_ROW = Pattern.compile("<tr\\b[^>]*\\bdata-order=\"([^\"]*)\"");
    private static final Pattern LINK = Pattern.compile("<a\\b[^>]*?\\bhref=\"([^\"]*)\"[^>]*>");
    private static final Pattern BADGE = Pattern.compile("<span class=\"badge\\b[^\"]*\"[^>]*>([^<]*)</span>");
    private static final Pattern BUTTON = Pattern.compile("<button\\b([^>]*)>(.*?)</button>", Pattern.DOTALL);

    private Pages() {}

    public static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page's own content, without the layout around it (which repeats the request's URL). */
    public static String main(String page) {
        Matcher matcher = MAIN.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no <main> in page:\n" + page);
        }
        return matcher.group();
    }

    /**
     * What a reader sees of {@code html}: its text without tags, comments, scripts and styles, the
     * entities decoded and each run of white space made one space.
     */
    public static String visibleText(String html) {
        String text = html.replaceAll("(?s)<!--.*?-->", " ")
                .replaceAll("(?is)<(script|style)\\b.*?</\\1>", " ")
                .replaceAll("(?s)<[^>]*>", " ");
        return HtmlUtils.htmlUnescape(text).replaceAll("\\s+", " ").strip();
    }

    public static String title(String page) {
        Matcher matcher = TITLE.matcher(page);
        return matcher.find() ? matcher.group(1).strip() : "";
    }

    /** Order numbers of the list's rows, top to bottom. */
    public static List<String> orderRows(String page) {
        return all(ORDER_ROW, page);
    }

    /** The decoded-once (HTML entities) href of every link whose tag contains {@code marker}. */
    public static List<String> links(String page, String marker) {
        List<String> links = new ArrayList<>();
        Matcher matcher = LINK.matcher(page);
        while (matcher.find()) {
            if (matcher.group().contains(marker)) {
                links.add(matcher.group(1).replace("&amp;", "&"));
            }
        }
        return links;
    }

    /** The text of every status badge ({@code <span class="badge ...">}), in page order. */
    public static List<String> badges(String page) {
        return all(BADGE, page).stream().map(String::strip).toList();
    }

    /** What each button whose start tag contains {@code marker} says (its visible text), in page order. */
    public static List<String> buttons(String page, String marker) {
        List<String> texts = new ArrayList<>();
        Matcher matcher = BUTTON.matcher(page);
        while (matcher.find()) {
            if (matcher.group(1).contains(marker)) {
                texts.add(visibleText(matcher.group(2)));
            }
        }
        return texts;
    }

    private static List<String> all(Pattern pattern, String page) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(page);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
