package com.certportal.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9, finding 4: comments and notes hold what people type, line breaks and tabs included, and
 * nothing invisible that changes what a reader sees; form values padded with control characters are
 * forged and refused, not trimmed into a valid value.
 */
class FormInputControlsTest {

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(
            strings = {
                "0000", "0001", "0007", "0008", "000B", "000C", "001B", "007F", "0085", "009B", "202A", "202B", "202C",
                "202D", "202E", "2066", "2067", "2068", "2069"
            })
    void aCommentWithAControlOrBidiCharacterIsRefused(String codePoint) {
        String comment = "please revoke " + Character.toString(Integer.parseInt(codePoint, 16)) + "gpj.exe";

        assertRefused(() -> FormInput.optionalText(comment, FormInput.COMMENT_MAX), "form.control-characters");
        assertRefused(
                () -> FormInput.requiredText(comment, FormInput.NOTE_MAX, "support.note-required"),
                "form.control-characters");
        assertRefused(() -> FormInput.optionalLine(comment, 200), "form.control-characters");
    }

    @Test
    void lineBreaksAndTabsStayInMultiLineTextAndBrowserLineEndingsBecomeNewlines() {
        assertThat(FormInput.optionalText("first line\r\nsecond\tcolumn\n", FormInput.COMMENT_MAX))
                .isEqualTo("first line\nsecond\tcolumn");
        assertThat(FormInput.optionalText("日本語のコメント\r\n二行目", FormInput.COMMENT_MAX))
                .isEqualTo("日本語のコメント\n二行目");
        // Marks that only hint a direction (LRM, RLM, ALM) are ordinary in right-to-left text.
        assertThat(FormInput.optionalText("שלום\u200Eabc\u200F\u061C", FormInput.COMMENT_MAX))
                .isEqualTo("שלום\u200Eabc\u200F\u061C");
    }

    @Test
    void aSingleLineRefusesLineBreaksAndTabs() {
        assertRefused(() -> FormInput.optionalLine("Hanako\nSato", 200), "form.control-characters");
        assertRefused(() -> FormInput.optionalLine("Hanako\tSato", 200), "form.control-characters");
        assertThat(FormInput.optionalLine("  佐藤 花子  ", 200)).isEqualTo("佐藤 花子");
    }

    @Test
    void onlyABareCarriageReturnIsRefusedInsideText() {
        assertRefused(() -> FormInput.optionalText("a\rb", FormInput.COMMENT_MAX), "form.control-characters");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"superseded\u0000", "superseded\r", "\tsuperseded", "super\u001Bseded", "superseded\n"})
    void aChoicePaddedWithControlCharactersIsRefusedNotTrimmed(String sent) {
        assertRefused(() -> FormInput.choice(sent, FormInputControlsTest::known, "x.invalid"), "x.invalid");
    }

    @Test
    void aChoiceWithPlainSurroundingSpacesIsStillUnderstood() {
        assertThat(FormInput.choice(" superseded ", FormInputControlsTest::known, "x.invalid"))
                .isEqualTo("SUPERSEDED");
    }

    private static Optional<String> known(String key) {
        return key.equals("superseded") ? Optional.of("SUPERSEDED") : Optional.empty();
    }

    private static void assertRefused(Runnable input, String messageKey) {
        assertThatThrownBy(input::run).isInstanceOfSatisfying(ActionRefused.class, refused -> {
            assertThat(refused.kind()).isEqualTo(ActionRefused.Kind.INVALID);
            assertThat(refused.messageKey()).isEqualTo(messageKey);
        });
    }
}
