package com.certportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, finding 9: CI runs the project's own script, so CI, a fresh machine and a developer run the
 * same steps; the script installs what the browser journeys need, Japanese fonts included.
 */
class BuildFilesTest {

    @Test
    void theGitHubWorkflowCallsCiRunInsteadOfRepeatingItsSteps() throws IOException {
        String workflow = Files.readString(Path.of(".github/workflows/ci.yml"));

        assertThat(workflow).contains("run: bash .ci/run");
        assertThat(workflow)
                .doesNotContain("mvnw", "chromium", "postgres:", "apt-get install -y --no-install-recommends \\");
    }

    @Test
    void ciRunInstallsJapaneseFontsForTheScreenshots() throws IOException {
        String script = Files.readString(Path.of(".ci/run"));

        assertThat(script).contains("apt_install fonts-noto-cjk").contains("exec ./mvnw -B verify");
    }
}
