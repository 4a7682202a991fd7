package dev.camelovershoot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every relative link and image in the repository's Markdown resolves, anchors included. */
class LinkCheckTest {

    static Path repositoryRoot() {
        String root = System.getProperty("docs.repositoryRoot");
        return Path.of(root != null ? root : "..").toAbsolutePath().normalize();
    }

    @Test
    void everyRelativeLinkResolves() throws IOException {
        LinkChecker checker = new LinkChecker(repositoryRoot());

        assertThat(checker.markdownFiles()).as("Markdown files found")
                .contains(repositoryRoot().resolve("README.md"), repositoryRoot().resolve("docs/component.md"));
        assertThat(checker.brokenLinks()).as("broken links (file:line: target (why))").isEmpty();
    }
}
