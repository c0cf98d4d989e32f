package dev.onlineddl.example.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code docs/library.md} quotes {@link LibraryEmbeddingIT} between marker lines; this keeps the
 * quotes identical to the code that runs, so the guide cannot drift from it unnoticed.
 */
class LibraryGuideTest {

    private static final Path TEST_SOURCE =
            Path.of("src/test/java/dev/onlineddl/example/library/LibraryEmbeddingIT.java");

    @ParameterizedTest(name = "region {0}")
    @ValueSource(strings = {"example", "awaitStatus"})
    void theGuideQuotesTheTestRegionVerbatim(String region) throws IOException {
        String test = Files.readString(moduleFile(TEST_SOURCE), StandardCharsets.UTF_8);

        assertThat(Guides.read("library.md")).contains(dedented(regionOf(test, region)));
    }

    @Test
    void theGuideListsTheImportsTheQuotedCodeNeeds() throws IOException {
        String test = Files.readString(moduleFile(TEST_SOURCE), StandardCharsets.UTF_8);
        String guide = Guides.read("library.md");

        List<String> imports = test.lines().filter(line -> line.startsWith("import "))
                .filter(line -> !line.contains("testkit") && !line.contains("junit") && !line.contains("java.sql")
                        && !line.contains("ArrayList"))
                .toList();
        assertThat(imports).isNotEmpty().allSatisfy(line -> assertThat(guide).contains(line));
    }

    /** The lines between {@code // ---- BEGIN docs/library.md <name> ----} and its END line. */
    static String regionOf(String source, String name) {
        Matcher region = Pattern.compile("\\n[ ]*// ---- BEGIN docs/library\\.md " + Pattern.quote(name)
                + " ----\\n(.*?)\\n[ ]*// ---- END docs/library\\.md " + Pattern.quote(name) + " ----", Pattern.DOTALL)
                .matcher(source);
        assertThat(region.find()).as("region %s in %s", name, TEST_SOURCE).isTrue();
        return region.group(1);
    }

    /** Without the indentation its first line has, as the guide shows it. */
    static String dedented(String code) {
        List<String> lines = code.lines().toList();
        int indent = lines.get(0).length() - lines.get(0).stripLeading().length();
        return lines.stream().map(line -> line.length() >= indent && line.substring(0, indent).isBlank()
                        ? line.substring(indent) : line.stripLeading())
                .collect(Collectors.joining("\n"));
    }

    static Path moduleFile(Path relative) {
        return Guides.moduleDirectory().resolve(relative);
    }
}
