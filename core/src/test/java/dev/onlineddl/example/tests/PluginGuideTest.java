package dev.onlineddl.example.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.example.library.Guides;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/plugins.md} quotes the example plugin and its tests; every quoted piece (the parts
 * between {@code ...} lines of each Java block) must still be in those sources, whitespace aside.
 */
class PluginGuideTest {

    private static final List<Path> QUOTED_SOURCES = List.of(
            Path.of("src/test/java/dev/onlineddl/example/plugin/SlowCopyPlugin.java"),
            Path.of("src/test/java/dev/onlineddl/example/plugin/SlowCopyEngine.java"),
            Path.of("src/test/java/dev/onlineddl/example/plugin/CopyJob.java"),
            Path.of("src/test/java/dev/onlineddl/example/tests/SlowCopyCompatibilityIT.java"),
            // the recipe for tables of a plugin's own, run beside the core's migrations
            Path.of("../adapters-mysql/src/test/java/dev/onlineddl/adapter/mysql/store/PluginOwnedTablesIT.java"));
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)\\n\\s*```", Pattern.DOTALL);

    @Test
    void everyJavaExcerptOfTheGuideIsInTheExampleSources() throws IOException {
        StringBuilder sources = new StringBuilder();
        for (Path source : QUOTED_SOURCES) {
            sources.append(normalised(Files.readString(Path.of(System.getProperty("basedir", "")).resolve(source),
                    StandardCharsets.UTF_8))).append('\n');
        }

        List<String> excerpts = excerptsOf(Guides.read("plugins.md"));

        assertThat(excerpts).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(excerpt -> assertThat(sources.toString()).contains(normalised(excerpt)));
    }

    private static List<String> excerptsOf(String guide) {
        List<String> excerpts = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(guide);
        while (block.find()) {
            for (String piece : block.group(1).split("\\n\\s*\\.\\.\\.\\s*\\n")) {
                excerpts.add(piece);
            }
        }
        return excerpts;
    }

    /** One space for every run of whitespace: the guide re-indents what it quotes. */
    private static String normalised(String code) {
        return code.strip().replaceAll("\\s+", " ");
    }
}
