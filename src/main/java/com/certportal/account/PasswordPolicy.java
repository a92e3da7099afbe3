package com.certportal.account;

import com.certportal.action.ActionRefused;
import com.certportal.action.FormInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * M2: a new password has at least 12 characters and is not a common password. "Common" is judged on
 * the password and on its core: lower-case, leading and trailing digits and symbols removed, and the
 * usual letter swaps undone, so that "Password2026!" and "P@ssw0rd1234" are as common as "password".
 * The lists are shipped as resources (see their headers for where they come from).
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** BCrypt, the delegating encoder's default, reads at most 72 bytes; a longer password is refused, not cut. */
    public static final int MAX_BYTES = 72;

    private static final String[] LISTS = {"passwords/common-passwords.txt", "passwords/common-passwords-extra.txt"};

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /**
     * Refuses a password the rules do not allow, naming the field it was typed in. A confirmation that
     * was sent must match; a client that sends none (the form always does) is not asked for one.
     */
    public void check(String field, String password, String confirmation, String confirmationField, String email) {
        if (password == null || password.isEmpty()) {
            throw ActionRefused.invalidField(field, "password.required");
        }
        if (FormInput.hasInvisibleControls(password, false)) {
            throw ActionRefused.invalidField(field, "form.control-characters");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw ActionRefused.invalidField(field, "password.too-short", MIN_LENGTH);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ActionRefused.invalidField(field, "password.too-long", MAX_BYTES);
        }
        if (isCommon(password) || (email != null && containsEmail(password, email))) {
            throw ActionRefused.invalidField(field, "password.common");
        }
        if (confirmation != null && !confirmation.equals(password)) {
            throw ActionRefused.invalidField(confirmationField, "password.confirmation-differs");
        }
    }

    /** Whether the password, or its core, is on a list, or is one character or a run of the keyboard's digits or letters. */
    public boolean isCommon(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        String core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        String unswapped = unswap(core);
        return common.contains(lower)
                || common.contains(core)
                || common.contains(unswapped)
                || repeats(lower)
                || isRun(lower);
    }

    private static boolean containsEmail(String password, String email) {
        String lower = password.toLowerCase(Locale.ROOT);
        String local = email.toLowerCase(Locale.ROOT).split("@", 2)[0];
        return lower.contains(email.toLowerCase(Locale.ROOT)) || (local.length() >= 4 && lower.contains(local));
    }

    /** p@ssw0rd, pa$$word, s3cret: the swaps people make to pass a rule, undone. */
    private static String unswap(String text) {
        return text.replace('@', 'a')
                .replace('4', 'a')
                .replace('0', 'o')
                .replace('$', 's')
                .replace('5', 's')
                .replace('3', 'e')
                .replace('1', 'i')
                .replace('!', 'i')
                .replace('7', 't');
    }

    /** "aaaaaaaaaaaa", "abcabcabcabc": a short unit repeated. */
    private static boolean repeats(String text) {
        for (int unit = 1; unit <= 4 && unit < text.length(); unit++) {
            if (text.length() % unit == 0
                    && text.substring(0, unit).repeat(text.length() / unit).equals(text)) {
                return true;
            }
        }
        return false;
    }

    /** "123456789012", "abcdefghijkl", "987654321098": one step at a time, up or down, through digits or letters. */
    private static boolean isRun(String text) {
        if (text.length() < 2) {
            return true;
        }
        int step = text.charAt(1) - text.charAt(0);
        if (Math.abs(step) != 1 && !(step == -9 || step == 9)) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char previous = text.charAt(i - 1);
            char current = text.charAt(i);
            boolean digits = Character.isDigit(previous) && Character.isDigit(current);
            int difference = current - previous;
            boolean next = difference == Integer.signum(step) || (digits && Math.abs(difference) == 9);
            if (!next || Character.isDigit(previous) != Character.isDigit(current)) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        for (String list : LISTS) {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(new ClassPathResource(list).getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines()
                        .filter(line -> !line.isBlank() && !line.startsWith("#"))
                        .map(line -> line.strip().toLowerCase(Locale.ROOT))
                        .forEach(words::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + list, e);
            }
        }
        return Set.copyOf(words);
    }
}
