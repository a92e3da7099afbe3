package com.certportal.pki;

import java.util.List;

/**
 * O2: the CSR or the extra names are refused, with every problem found so the user can fix them
 * in one go. The message of the exception is for logs; users see the problems' message keys.
 */
public final class CsrRefused extends RuntimeException {

    private final transient List<Problem> problems;

    public CsrRefused(List<Problem> problems) {
        super("CSR refused: " + problems.stream().map(Problem::messageKey).toList());
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    static CsrRefused because(Problem problem) {
        return new CsrRefused(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
