package dev.onlineddl.adapter.mysql.ddl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The annotated DDL corpus in {@code src/test/resources/ddl-corpus} (format in its README): one
 * file per category, each case a statement with its setup and expectation.
 */
final class DdlCorpus {

    private static final String DIRECTORY = "ddl-corpus";

    /**
     * @param category            the file's name without number prefix and extension, e.g. {@code check-constraints}
     * @param id                  unique within the corpus
     * @param allowForeignKeys    submit with {@code --unsafe-allow-foreign-keys}
     * @param expectedUnsupported the message part the analyzer must reject the statement with
     * @param runsOnServer        false for statements the test server cannot run (noted in the file)
     * @param setup               statements creating what the statement needs
     * @param statement           the statement under test
     */
    record Case(String category, String id, boolean allowForeignKeys, Optional<String> expectedUnsupported,
            boolean runsOnServer, List<String> setup, String statement) {

        boolean supported() {
            return expectedUnsupported.isEmpty();
        }

        @Override
        public String toString() {
            return category + "/" + id;
        }
    }

    private DdlCorpus() {
    }

    static List<Case> cases() {
        URL url = DdlCorpus.class.getClassLoader().getResource(DIRECTORY);
        if (url == null) {
            throw new IllegalStateException("test resource directory " + DIRECTORY + " not found");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<Case> cases = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".sql")).sorted().toList()) {
                cases.addAll(read(file));
            }
            return List.copyOf(cases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Case> supportedCases() {
        return cases().stream().filter(Case::supported);
    }

    static Stream<Case> unsupportedCases() {
        return cases().stream().filter(corpusCase -> !corpusCase.supported());
    }

    private static List<Case> read(Path file) throws IOException {
        String category = file.getFileName().toString().replaceFirst("^\\d+-", "").replaceFirst("\\.sql$", "");
        List<Case> cases = new ArrayList<>();
        CaseBuilder current = null;
        StringBuilder section = null;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("-- case: ")) {
                if (current != null) {
                    cases.add(current.build(category));
                }
                current = new CaseBuilder(line.substring("-- case: ".length()).strip());
                section = null;
            } else if (current == null || line.isBlank() && section == null) {
                continue;
            } else if (line.startsWith("-- flags: ")) {
                current.allowForeignKeys = line.contains("allow-foreign-keys");
            } else if (line.startsWith("-- expect-unsupported: ")) {
                current.expectedUnsupported = line.substring("-- expect-unsupported: ".length()).strip();
            } else if (line.startsWith("-- server: skip")) {
                current.runsOnServer = false;
            } else if (line.equals("-- setup:")) {
                section = current.setup;
            } else if (line.equals("-- statement:")) {
                section = current.statement;
            } else if (section != null) {
                section.append(line).append('\n');
            }
        }
        if (current != null) {
            cases.add(current.build(category));
        }
        return cases;
    }

    private static final class CaseBuilder {
        private final String id;
        private boolean allowForeignKeys;
        private String expectedUnsupported;
        private boolean runsOnServer = true;
        private final StringBuilder setup = new StringBuilder();
        private final StringBuilder statement = new StringBuilder();

        CaseBuilder(String id) {
            this.id = id;
        }

        Case build(String category) {
            List<String> setupStatements = Arrays.stream(setup.toString().split(";\\s*(\\n|$)"))
                    .map(String::strip).filter(text -> !text.isEmpty()).toList();
            String text = statement.toString().strip();
            if (text.isEmpty()) {
                throw new IllegalStateException("corpus case " + category + "/" + id + " has no statement");
            }
            return new Case(category, id, allowForeignKeys, Optional.ofNullable(expectedUnsupported), runsOnServer,
                    setupStatements, text);
        }
    }
}
