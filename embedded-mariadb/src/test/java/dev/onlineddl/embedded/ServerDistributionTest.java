package dev.onlineddl.embedded;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerDistributionTest {

    private static final ServerDistribution SERVER = ServerDistribution.MARIADB_11_4_5;

    @ParameterizedTest
    @CsvSource({"Linux, amd64", "Linux, x86_64", "linux, amd64"})
    void runsOnLinuxX8664(String osName, String osArch) {
        assertThatCode(() -> SERVER.requireRunnableOn(osName, osArch)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({"Mac OS X, aarch64", "Mac OS X, x86_64", "Linux, aarch64", "Windows 11, amd64", "FreeBSD, amd64"})
    void elsewhereItSaysSoBeforeAnythingIsDownloaded(String osName, String osArch) {
        assertThatThrownBy(() -> SERVER.requireRunnableOn(osName, osArch))
                .isInstanceOf(EmbeddedServerException.class)
                .hasMessageContaining("runs on Linux x86-64 only, and this is " + osName + " " + osArch)
                .hasMessageContaining("--jdbc-url");
    }
}
