package dev.camelovershoot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rule that docs/architecture.md states for camel-overshoot: dependencies point one way, and only the
 * component package imports Camel. Checked on the imports of every main source file.
 */
class PackageRuleTest {

    private static final String BASE = "dev.camelovershoot.";
    private static final Path SOURCES = Path.of("camel-overshoot/src/main/java/dev/camelovershoot");
    /** Which of our packages each package may import. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "client.wire", Set.of(),
            "client", Set.of("client.wire"),
            "client.v1", Set.of("client"),
            "livekit", Set.of(),
            "media", Set.of(),
            "transport.rtc", Set.of("media"),
            "transport", Set.of("transport.rtc", "livekit", "media", "client", "client.wire", "client.v1"),
            "component", Set.of("transport", "transport.rtc", "media", "client", "client.wire", "client.v1"));
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[A-Z]\\w*[\\w.*]*;",
            Pattern.MULTILINE);

    @Test
    void dependenciesPointOneWayAndOnlyTheComponentKnowsCamel() throws IOException {
        Path root = LinkCheckTest.repositoryRoot().resolve(SOURCES);
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String from = root.relativize(file.getParent()).toString().replace('/', '.');
                assertThat(ALLOWED).as("package " + from + " is not in the rule").containsKey(from);
                Matcher imported = IMPORT.matcher(Files.readString(file));
                while (imported.find()) {
                    String problem = problem(from, imported.group(1));
                    if (problem != null) {
                        violations.add(root.relativize(file) + " imports " + imported.group(1) + ": " + problem);
                    }
                }
            }
        }
        assertThat(violations).as("imports that break the package rule").isEmpty();
    }

    private static String problem(String from, String imported) {
        if (imported.startsWith("org.apache.camel") && !from.equals("component")) {
            return "only the component package may import Camel";
        }
        if (!imported.startsWith(BASE)) {
            return null;
        }
        String to = imported.substring(BASE.length());
        return to.equals(from) || ALLOWED.get(from).contains(to) ? null : from + " may not depend on " + to;
    }
}
