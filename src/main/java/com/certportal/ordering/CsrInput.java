package com.certportal.ordering;

import com.certportal.action.ActionRefused.FieldProblem;
import com.certportal.catalog.Product;
import com.certportal.order.DcvMethod;
import com.certportal.pki.CheckedCsr;
import com.certportal.pki.CsrRefused;
import com.certportal.pki.Csrs;
import com.certportal.validation.dcv.HttpFileCheck;
import java.util.List;

/**
 * O1, O2, V1: a CSR as a form sends it (pasted or uploaded), the extra SANs and the domain validation
 * method, checked for a product before anything is stored: by a new order (O1) and by a reissue (K4),
 * which ask the same of them. Every problem is collected beside its field.
 */
public final class CsrInput {

    /** A CSR that passed O2, and every name the certificate will carry (the CN first). */
    public record Checked(CheckedCsr csr, List<String> names) {}

    private CsrInput() {}

    /** The checked CSR and names, or null with the problems added to {@code problems}. */
    public static Checked check(
            String csrText,
            byte[] csrFile,
            String extraNames,
            Product product,
            DcvMethod dcvMethod,
            List<FieldProblem> problems) {
        Checked checked = csr(csrText, csrFile, extraNames, product, problems);
        if (product.validatesDomains() && dcvMethod == null) {
            problems.add(new FieldProblem("dcvMethod", "order.form.dcv-method-required", List.of()));
        }
        if (!product.validatesDomains() && dcvMethod != null) {
            problems.add(new FieldProblem("dcvMethod", "order.form.dcv-method-not-needed", List.of()));
        }
        if (dcvMethod == DcvMethod.HTTP_FILE && checked != null) {
            checked.names().stream()
                    .filter(n -> !HttpFileCheck.suitableFor(n))
                    .findFirst()
                    .ifPresent(n ->
                            problems.add(new FieldProblem("dcvMethod", "order.form.http-file-wildcard", List.of(n))));
        }
        return checked;
    }

    /** O2 alone (K5: a duplicate validates no new name): the checked CSR and names, or null with problems. */
    public static Checked csr(
            String csrText, byte[] csrFile, String extraNames, Product product, List<FieldProblem> problems) {
        try {
            CheckedCsr csr = csrFile != null && csrFile.length > 0
                    ? Csrs.check(csrFile, product)
                    : Csrs.check(csrText == null ? "" : csrText, product);
            return new Checked(csr, Csrs.checkExtraNames(extraNames, csr, product));
        } catch (CsrRefused refused) {
            refused.problems().forEach(p -> problems.add(new FieldProblem(p.field(), p.messageKey(), p.arguments())));
            return null;
        }
    }
}
