package com.certportal.web;

import java.util.Arrays;
import java.util.Objects;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The message a page shows after post/redirect/get, in the member's language already. */
public final class Notices {

    private Notices() {}

    public static void success(RedirectAttributes redirect, String... lines) {
        redirect.addFlashAttribute(
                "notices", Arrays.stream(lines).filter(Objects::nonNull).toList());
    }
}
