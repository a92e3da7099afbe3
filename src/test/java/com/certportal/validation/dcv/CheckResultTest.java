package com.certportal.validation.dcv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every outcome a check can report has its message in both bundles, for the order page (V4). */
class CheckResultTest {

    @Test
    void everyOutcomeHasAMessageInEnglishAndJapanese() throws IOException {
        Properties english = load("messages.properties");
        Properties japanese = load("messages_ja.properties");

        assertThat(CheckResult.OUTCOMES).allSatisfy(outcome -> {
            String key =
                    (outcome.equals(CheckResult.PASSED) ? CheckResult.pass() : CheckResult.fail(outcome)).messageKey();
            assertThat(english).containsKey(key);
            assertThat(japanese).containsKey(key);
        });
    }

    @Test
    void anUnknownOutcomeOrAPassThatIsNotPassedIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> CheckResult.fail("dns-error"));
        assertThatIllegalArgumentException().isThrownBy(() -> CheckResult.fail(CheckResult.PASSED));
        assertThatIllegalArgumentException().isThrownBy(() -> new CheckResult(true, CheckResult.NOT_FOUND));
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", name))) {
            properties.load(reader);
        }
        return properties;
    }
}
