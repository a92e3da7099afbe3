package com.certportal.revocation;

import com.certportal.order.FormInput;
import com.certportal.order.RevocationReason;

/** R2, R6: what a member sent on the revoke form, as sent; {@link #checked()} refuses what is malformed. */
public record RevocationSubmission(String reason, String comment, String skipApproval, String version) {

    record Checked(RevocationReason reason, String comment, boolean skipApproval, long versionShown) {}

    Checked checked() {
        return new Checked(
                FormInput.reason(reason),
                FormInput.optionalText(comment, FormInput.COMMENT_MAX),
                FormInput.flag(skipApproval),
                FormInput.version(version));
    }

    /** What the trail records as attempted, even when the form is refused as malformed. */
    boolean asksToSkipApproval() {
        return FormInput.saysTrue(skipApproval);
    }
}
