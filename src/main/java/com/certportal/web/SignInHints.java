package com.certportal.web;

import java.util.List;

/**
 * Sign-ins the login page may list (the demo's, while demo data is on). The web layer asks for them
 * through this interface so that it never depends on where they come from.
 */
public interface SignInHints {

    record Hint(String email, String account, String roleKey, String password) {}

    List<Hint> hints();
}
