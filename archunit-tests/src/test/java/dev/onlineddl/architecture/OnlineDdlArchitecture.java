package dev.onlineddl.architecture;

/**
 * The onlineddl architecture (the README's module map) as one rule set. It is a function of the root package so
 * that the very rules enforced on {@code dev.onlineddl} are also run against the fixtures, each of which must
 * break exactly one of them.
 */
final class OnlineDdlArchitecture {

    static final String ROOT_PACKAGE = "dev.onlineddl";

    private OnlineDdlArchitecture() {
    }

    static HexagonalArchitecture rootedAt(String rootPackage) {
        // The hexagon in one sentence: a domain of plain rules; ports over it; a plugin SPI over both; a core that
        // implements the ports with the SPI, changing statuses in one place; adapters that never reach the core or
        // each other; a configuration that assembles it all; and no cycles anywhere.
        return HexagonalArchitecture.boundedContext(rootPackage)
                // module domain (dev.onlineddl.domain): JDK only; its root package is the kernel and never uses a subpackage.
                .withDomain("domain")
                // module ports: port.in (use cases) and port.out (what the core needs), domain and JDK only.
                .withPorts("port")
                // module spi: "SPI types may use domain values and port.out interfaces, nothing else."
                .withPluginSpi("spi").mayAlsoUse("port.out")
                // module core: the executor, with slf4j for logging; one class writes migration_status.
                .withCore("service").mayAlsoUseLibraries("org.slf4j")
                .withStatusGateway("service.MigrationStatusGateway", "port.out.MigrationStore",
                        "updateStatus", "updateStatusFailedOrCancelled", "retryMigration", "retryTabletFailureMigration")
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
