package com.certportal.order;

import java.util.List;

/**
 * K4: what a reissue asks for, as checked before it is stored: the new CSR with the names read from
 * it and the extra SANs (CN first), how new names are validated, the comment, and whether the member
 * said the current key was compromised (then the new key must differ from every key of the order).
 */
public record ReissueSpec(
        String csrPem,
        String commonName,
        List<String> names,
        DcvMethod dcvMethod,
        String comment,
        boolean keyCompromised) {

    public ReissueSpec {
        names = List.copyOf(names);
    }
}
