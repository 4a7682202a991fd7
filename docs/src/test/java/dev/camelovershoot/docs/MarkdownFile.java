package dev.camelovershoot.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the link check needs from one Markdown file: the links and images it writes (outside code) with their line
 * numbers, and the anchors its headings (and explicit HTML ids) define.
 */
record MarkdownFile(Path path, List<Link> links, Set<String> anchors) {

    /** A link target as written, on a 1-based line. */
    record Link(int line, String target) {
    }

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+).*?\\1");
    /** {@code [text](target "title")} and {@code ![alt](target)}; the target may be wrapped in angle brackets. */
    private static final Pattern INLINE = Pattern.compile("]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE = Pattern.compile("^ {0,3}\\[[^\\]]+]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern HTML = Pattern.compile("(?:href|src)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern HTML_ID = Pattern.compile("<a\\s+(?:name|id)\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");

    static MarkdownFile read(Path path) throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        List<Link> links = new ArrayList<>();
        Set<String> anchors = new LinkedHashSet<>();
        Slugs slugs = new Slugs();
        String fence = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher opening = FENCE.matcher(line);
            if (opening.find()) {
                fence = fence == null ? opening.group(1) : fence.equals(opening.group(1)) ? null : fence;
                continue;
            }
            if (fence != null) {
                continue;
            }
            String prose = CODE_SPAN.matcher(line).replaceAll("");
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                anchors.add(slugs.next(heading.group(1).replace("`", "")));
            }
            collect(INLINE, prose, i + 1, links);
            collect(REFERENCE, prose, i + 1, links);
            collect(HTML, prose, i + 1, links);
            Matcher id = HTML_ID.matcher(prose);
            while (id.find()) {
                anchors.add(id.group(1));
            }
        }
        return new MarkdownFile(path, List.copyOf(links), Set.copyOf(anchors));
    }

    private static void collect(Pattern pattern, String text, int line, List<Link> links) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            links.add(new Link(line, matcher.group(1)));
        }
    }
}
