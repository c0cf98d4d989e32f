package dev.onlineddl.architecture;

/**
 * The onlineddl architecture (design/architecture.md) as one rule set. It is a function of the root package so
 * that the very rules enforced on {@code dev.onlineddl} are also run against the fixtures, each of which must
 * break exactly one of them.
 */
final class OnlineDdlArchitecture {

    static final String ROOT_PACKAGE = "dev.onlineddl";

    private OnlineDdlArchitecture() {
    }

    static HexagonalArchitecture rootedAt(String rootPackage) {
        return HexagonalArchitecture.boundedContext(rootPackage)
                // dev.onlineddl.domain: JDK only; its root package is the kernel and never uses a subpackage.
                .withDomain("domain")
                // ports module: port.in, port.out, the plugin SPI and the executor service; slf4j for logging.
                .withPorts("port", "spi", "service").mayAlsoUseLibraries("org.slf4j")
                // "SPI types may use domain values and port.out interfaces, nothing else."
                .withPluginSpi("spi").mayAlsoUse("port.out")
                // adapter.mysql, adapter.vreplication, adapter.ghost, adapter.ptosc, and any adapter added later.
                .withAdapters("adapter")
                // app-bootstrap: Dagger wiring, daemon, CLI, HTTP.
                .withConfiguration("app")
                .withoutPackageCycles();
    }

    static HexagonalArchitecture ofTheMainCode() {
        return rootedAt(ROOT_PACKAGE);
    }
}
