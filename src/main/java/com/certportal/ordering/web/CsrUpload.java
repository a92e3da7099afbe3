package com.certportal.ordering.web;

import com.certportal.action.ActionRefused.FieldProblem;
import com.certportal.pki.Csrs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/** O1, K4, K5: a CSR file chosen in a form (`csrFile`), read within its size limit or refused on `csr`. */
public final class CsrUpload {

    private CsrUpload() {}

    /** The file's bytes, or null when none was chosen (or it is too large: then a problem is added). */
    public static byte[] bytes(MultipartFile csrFile, List<FieldProblem> problems) {
        if (csrFile == null || csrFile.isEmpty()) {
            return null;
        }
        if (csrFile.getSize() > Csrs.MAX_UPLOAD_BYTES) {
            problems.add(new FieldProblem("csr", "csr.file-too-large", List.of(Csrs.MAX_UPLOAD_BYTES / 1024)));
            return null;
        }
        try {
            return csrFile.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
