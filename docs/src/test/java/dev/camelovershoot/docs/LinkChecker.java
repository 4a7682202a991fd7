package dev.camelovershoot.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the relative links of every Markdown file under a root: the file (or folder) must exist, and an
 * {@code #anchor} into a Markdown file must name one of its headings. Links with a scheme (https:, mailto:) are not
 * followed. A leading {@code /} means the root, as on GitHub.
 */
final class LinkChecker {

    /** Build output, dependencies and logs: not documentation. */
    static final Set<String> SKIPPED_FOLDERS = Set.of("target", "node_modules", "build-logs", ".git");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final Path root;
    private final Map<Path, MarkdownFile> files = new HashMap<>();

    LinkChecker(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Every Markdown file under the root, outside the skipped folders, in a stable order. */
    List<Path> markdownFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> path.toString().endsWith(".md") && Files.isRegularFile(path))
                    .filter(path -> root.relativize(path).getNameCount() == 1 || !skipped(path))
                    .sorted()
                    .toList();
        }
    }

    /** One line per broken link: {@code file:line: target (why)}, with the file relative to the root. */
    List<String> brokenLinks() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path path : markdownFiles()) {
            MarkdownFile file = parsed(path);
            for (MarkdownFile.Link link : file.links()) {
                String problem = problem(path, link.target());
                if (problem != null) {
                    broken.add(root.relativize(path) + ":" + link.line() + ": " + link.target() + " (" + problem + ")");
                }
            }
        }
        return broken;
    }

    private boolean skipped(Path path) {
        for (Path part : root.relativize(path).getParent()) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    /** Why the target does not resolve, or null when it does. */
    private String problem(Path from, String target) {
        if (target.isEmpty() || SCHEME.matcher(target).find()) {
            return target.isEmpty() ? "empty link" : null;
        }
        int hash = target.indexOf('#');
        String file = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? from
                : (file.startsWith("/") ? root.resolve(file.substring(1)) : from.getParent().resolve(file)).normalize();
        if (!resolved.startsWith(root)) {
            return "outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file " + root.relativize(resolved);
        }
        if (anchor != null && resolved.toString().endsWith(".md") && !parsed(resolved).anchors().contains(anchor)) {
            return "no heading with anchor #" + anchor + " in " + root.relativize(resolved);
        }
        return null;
    }

    private MarkdownFile parsed(Path path) {
        return files.computeIfAbsent(path, p -> {
            try {
                return MarkdownFile.read(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
