package com.certportal.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.certportal.action.ActionRefused;
import com.certportal.action.FormInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** R2, R5, R6: what a form may send; anything else is bad input (400), never a silent default. */
class FormInputTest {

    @Test
    void exactlyTheFiveFormReasonsAreAccepted_R2() {
        assertThat(RevocationReason.parse("key_compromise")).isEqualTo(RevocationReason.KEY_COMPROMISE);
        assertThat(RevocationReason.parse("cessation_of_operation")).isEqualTo(RevocationReason.CESSATION_OF_OPERATION);
        assertThat(RevocationReason.parse("affiliation_changed")).isEqualTo(RevocationReason.AFFILIATION_CHANGED);
        assertThat(RevocationReason.parse("superseded")).isEqualTo(RevocationReason.SUPERSEDED);
        assertThat(RevocationReason.parse("unspecified")).isEqualTo(RevocationReason.UNSPECIFIED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "KEY_COMPROMISE", "ca_compromise", "privilege_withdrawn", "1"})
    void anyOtherReasonIsBadInput_R2(String sent) {
        assertInvalid(() -> RevocationReason.parse(sent), "revocation.invalid-reason");
    }

    @Test
    void aMissingReasonIsBadInput_R2() {
        assertInvalid(() -> RevocationReason.parse(null), "revocation.invalid-reason");
    }

    @Test
    void aCommentOfExactlyTheLimitIsKeptAndOneCharacterMoreIsRefused() {
        assertThat(FormInput.optionalText("x".repeat(FormInput.COMMENT_MAX), FormInput.COMMENT_MAX))
                .hasSize(1000);
        assertInvalid(
                () -> FormInput.optionalText("x".repeat(FormInput.COMMENT_MAX + 1), FormInput.COMMENT_MAX),
                "form.too-long");
        assertThat(FormInput.optionalText("   ", FormInput.COMMENT_MAX)).isNull();
    }

    @Test
    void aSupportNoteIsRequiredAndAtMostTwoThousandCharacters_R5() {
        assertInvalid(
                () -> FormInput.requiredText(" ", FormInput.NOTE_MAX, "support.note-required"),
                "support.note-required");
        assertInvalid(
                () -> FormInput.requiredText("n".repeat(2001), FormInput.NOTE_MAX, "support.note-required"),
                "form.too-long");
        assertThat(FormInput.requiredText(" note ", FormInput.NOTE_MAX, "support.note-required"))
                .isEqualTo("note");
    }

    @Test
    void theSkipApprovalCheckboxIsTrueOnlyWhenTickedAndForgedValuesAreRefused_R6() {
        assertThat(FormInput.flag(null)).isFalse();
        assertThat(FormInput.flag("false")).isFalse();
        assertThat(FormInput.flag("true")).isTrue();
        assertThat(FormInput.flag("on")).isTrue();
        assertInvalid(() -> FormInput.flag("yes"), "form.stale-or-forged");
    }

    @Test
    void aVersionThatIsNotANumberIsBadInput() {
        assertThat(FormInput.version(" 7 ")).isEqualTo(7L);
        assertInvalid(() -> FormInput.version(null), "form.stale-or-forged");
        assertInvalid(() -> FormInput.version("seven"), "form.stale-or-forged");
    }

    private static void assertInvalid(Runnable input, String messageKey) {
        assertThatThrownBy(input::run).isInstanceOfSatisfying(ActionRefused.class, refused -> {
            assertThat(refused.kind()).isEqualTo(ActionRefused.Kind.INVALID);
            assertThat(refused.messageKey()).isEqualTo(messageKey);
        });
    }
}
