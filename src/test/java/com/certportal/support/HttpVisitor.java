package com.certportal.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's browser over real HTTP, for the multi-instance tests: it keeps the cookies the portal sets
 * and sends them to whichever instance it talks to, as a browser behind a load balancer does (one
 * address, any instance). Redirects are not followed, so that tests see them. English pages.
 */
public final class HttpVisitor {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern MAX_AGE_ZERO = Pattern.compile("(?i);\\s*Max-Age=0(;|$)");

    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** A page as the browser got it. */
    public record Page(int status, String location, String body, List<String> setCookies) {

        /** The CSRF token of the page's forms. */
        public String csrfToken() {
            Matcher matcher = CSRF.matcher(body);
            if (!matcher.find()) {
                throw new AssertionError("no CSRF token in the page (status " + status + ")");
            }
            return matcher.group(1);
        }
    }

    public Page get(AppInstance at, String path) {
        return send(at, HttpRequest.newBuilder(URI.create(at.url(path))).GET());
    }

    /** A file as a relying party downloads it (a CRL, a CA certificate): 200 and its bytes. */
    public byte[] download(AppInstance at, String path) {
        try {
            HttpResponse<byte[]> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(at.url(path)))
                            .timeout(Duration.ofSeconds(60))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " on " + at + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("no answer from " + at + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + at, e);
        }
    }

    /** A form post, name/value pairs (the CSRF token is one of them, as the page gave it). */
    public Page post(AppInstance at, String path, String... nameValuePairs) {
        StringJoiner form = new StringJoiner("&");
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            form.add(URLEncoder.encode(nameValuePairs[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(nameValuePairs[i + 1], StandardCharsets.UTF_8));
        }
        return send(
                at,
                HttpRequest.newBuilder(URI.create(at.url(path)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    /** Signs in through the sign-in page of {@code at}; the answer is the redirect after sign-in. */
    public Page signIn(AppInstance at, String email, String password) {
        String token = get(at, "/login").csrfToken();
        return post(at, "/login", "username", email, "password", password, "_csrf", token);
    }

    /** The value of a cookie the portal set, or null. */
    public String cookie(String name) {
        return cookies.get(name);
    }

    private synchronized Page send(AppInstance at, HttpRequest.Builder request) {
        request.header("Accept-Language", "en").timeout(Duration.ofSeconds(60));
        if (!cookies.isEmpty()) {
            StringJoiner header = new StringJoiner("; ");
            cookies.forEach((name, value) -> header.add(name + "=" + value));
            request.header("Cookie", header.toString());
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("no answer from " + at + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + at, e);
        }
        List<String> setCookies = response.headers().allValues("set-cookie");
        keep(setCookies);
        return new Page(
                response.statusCode(),
                response.headers().firstValue("location").orElse(null),
                response.body(),
                setCookies);
    }

    private void keep(List<String> setCookies) {
        for (String setCookie : setCookies) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).strip();
            String value = pair.substring(equals + 1).strip();
            if (value.isEmpty() || MAX_AGE_ZERO.matcher(setCookie).find()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }
}
