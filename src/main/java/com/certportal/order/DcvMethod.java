package com.certportal.order;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** V1: how the requester proves control of each name of a server order. */
public enum DcvMethod {
    /** A one-time link mailed to a constructed address of the registrable domain. */
    EMAIL,
    /** The order's random token in a file at {@code /.well-known/pki-validation/fileauth.txt}. */
    HTTP_FILE,
    /** The order's random token in a TXT record at {@code _dnsauth.{name}}. */
    DNS_TXT;

    /** The form value (`email`, `http_file`, `dns_txt`), part of the request form's contract. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DcvMethod> fromKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key().equals(key)).findFirst();
    }
}
