package com.certportal.web;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The message a page shows after post/redirect/get, in the member's language already. */
public final class Notices {

    private Notices() {}

    public static void success(RedirectAttributes redirect, String... lines) {
        success(redirect, Arrays.asList(lines), List.of());
    }

    public static void success(RedirectAttributes redirect, List<String> first, List<String> then) {
        redirect.addFlashAttribute(
                "notices",
                Stream.concat(first.stream(), then.stream())
                        .filter(Objects::nonNull)
                        .toList());
    }
}
