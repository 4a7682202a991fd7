package dev.camelovershoot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link check itself, on a small tree of Markdown files with known mistakes. */
class LinkCheckerTest {

    @TempDir
    Path root;

    @Test
    void reportsEveryBrokenLinkWithFileAndLine() throws IOException {
        write("docs/guide.md", """
                # Guide
                ## Frame sources (`source`)
                ## Set-up, step 1: Java 17!
                ## Notes
                ## Notes
                See [sources](#frame-sources-source), [set-up](#set-up-step-1-java-17) and [notes](#notes-1).
                A [missing file](other.md), a [missing anchor](#nowhere), ![a missing image](img/x.png).
                [Up](../README.md#readme) and [root-relative](/README.md) and [web](https://example.com/#x).
                `[in code](nowhere.md)`

                ```
                [in a fence](nowhere.md)
                # not a heading
                ```
                [a reference]: missing-ref.md
                <img src="img/y.png">
                """);
        write("README.md", "# Readme\n[guide](docs/guide.md#guide) [bad anchor](docs/guide.md#not-a-heading)\n");
        write("target/ignored.md", "[broken](nowhere.md)\n");

        assertThat(new LinkChecker(root).brokenLinks()).containsExactly(
                "README.md:2: docs/guide.md#not-a-heading (no heading with anchor #not-a-heading in docs/guide.md)",
                "docs/guide.md:7: other.md (no such file docs/other.md)",
                "docs/guide.md:7: #nowhere (no heading with anchor #nowhere in docs/guide.md)",
                "docs/guide.md:7: img/x.png (no such file docs/img/x.png)",
                "docs/guide.md:15: missing-ref.md (no such file docs/missing-ref.md)",
                "docs/guide.md:16: img/y.png (no such file docs/img/y.png)");
    }

    @Test
    void skipsBuildOutputAndLogs() throws IOException {
        write("a.md", "# A\n");
        write("target/b.md", "# B\n");
        write("x/node_modules/c.md", "# C\n");
        write("build-logs/d.md", "# D\n");

        assertThat(new LinkChecker(root).markdownFiles()).containsExactly(root.resolve("a.md"));
    }

    @Test
    void slugsFollowGitHub() {
        assertThat(Slugs.slug("Re-inference (POST /chat/completions/clip)")).isEqualTo("re-inference-post-chatcompletionsclip");
        assertThat(Slugs.slug("The [`overshoot-actions:`](x.md) component")).isEqualTo("the-overshoot-actions-component");
        assertThat(Slugs.slug("Ports & ICE: UDP, TURN")).isEqualTo("ports--ice-udp-turn");
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
