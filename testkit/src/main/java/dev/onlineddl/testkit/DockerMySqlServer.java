package dev.onlineddl.testkit;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

/** MySQL 8.0 in a Testcontainers container, with the binlog settings the online DDL engine relies on. */
final class DockerMySqlServer {

    static final String IMAGE = "mysql:8.0";

    private DockerMySqlServer() {
    }

    /** Whether a Docker engine answers; Testcontainers caches the answer, and it comes quickly when there is none. */
    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError unusable) {
            return false;
        }
    }

    static ProvisionedServer start(SecureRandom random) {
        Credentials root = Credentials.withGeneratedPassword("root", random);
        @SuppressWarnings("resource") // stopped by the shutdown hook below (and by Testcontainers' reaper if the JVM dies)
        MySQLContainer<?> container = new MySQLContainer<>(DockerImageName.parse(IMAGE))
                .withPassword(root.password())
                .withCommand("--gtid-mode=ON", "--enforce-gtid-consistency=ON", "--log-bin=mysql-bin",
                        "--binlog-format=ROW", "--binlog-row-image=FULL", "--server-id=1");
        try {
            container.start();
        } catch (RuntimeException e) {
            throw new TestServerUnavailableException("could not start a " + IMAGE + " container through Docker: "
                    + e.getMessage() + ". Check that the engine can pull " + IMAGE + ", or choose "
                    + ServerSelection.SERVER_VARIABLE + "=embedded.", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "onlineddl-testkit-mysql-container-stop"));

        String host = container.getHost();
        int port = container.getMappedPort(MySQLContainer.MYSQL_PORT);
        try {
            ServerAccounts.Accounts accounts;
            try (Connection connection = DriverManager.getConnection(
                    JdbcUrls.of(host, port, "", JdbcUrls.defaultParameters()), root.asDriverProperties())) {
                accounts = ServerAccounts.create(connection, random);
            }
            return ProvisionedServer.connect(TestServer.Kind.DOCKER, host, port, accounts.admin(), accounts.testUser(),
                    JdbcUrls.defaultParameters());
        } catch (SQLException e) {
            throw new TestServerUnavailableException("the " + IMAGE + " container started on " + host + ":" + port
                    + " but setting up its test accounts failed: " + e.getMessage(), e);
        }
    }
}
