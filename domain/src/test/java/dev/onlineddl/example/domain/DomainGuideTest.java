package dev.onlineddl.example.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/domain.md} quotes {@link DomainExamplesTest}; every Java block of the guide must be
 * in that class verbatim (re-indented as a member of the class), so the guide cannot drift from
 * the examples that run.
 */
class DomainGuideTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)\\n```", Pattern.DOTALL);

    @Test
    void everyJavaBlockOfTheGuideIsCodeOfTheExamplesTest() throws IOException {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        String examples = Files.readString(
                module.resolve("src/test/java/dev/onlineddl/example/domain/DomainExamplesTest.java"), StandardCharsets.UTF_8);
        String guide = Files.readString(module.resolveSibling("docs").resolve("domain.md"), StandardCharsets.UTF_8);

        List<String> blocks = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(guide);
        while (block.find()) {
            blocks.add(block.group(1));
        }

        assertThat(blocks).hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(code -> assertThat(examples).contains(asClassMember(code)));
    }

    /** The guide shows members without the class's indentation of four spaces. */
    private static String asClassMember(String code) {
        return code.lines().map(line -> line.isEmpty() ? line : "    " + line).collect(Collectors.joining("\n"));
    }
}
