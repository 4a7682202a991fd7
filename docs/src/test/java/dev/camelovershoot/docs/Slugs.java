package dev.camelovershoot.docs;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The anchors GitHub gives the headings of one Markdown file: the heading's text, lower case, without punctuation
 * except {@code -} and {@code _}, spaces turned into {@code -}; a repeated anchor gets {@code -1}, {@code -2}, ...
 */
final class Slugs {

    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}\\p{M}\\p{Pc} -]");

    private final Map<String, Integer> seen = new HashMap<>();

    /** The anchor of the next heading of the file, given the heading's Markdown text. */
    String next(String heading) {
        String base = slug(heading);
        int count = seen.merge(base, 1, Integer::sum);
        return count == 1 ? base : base + "-" + (count - 1);
    }

    /** The anchor of a heading, without the numbering of repeats. */
    static String slug(String heading) {
        String text = INLINE_LINK.matcher(heading.strip()).replaceAll("$1");
        text = PUNCTUATION.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
        return text.replace(' ', '-');
    }
}
