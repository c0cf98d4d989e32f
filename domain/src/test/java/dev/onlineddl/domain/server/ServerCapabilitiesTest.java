package dev.onlineddl.domain.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import static dev.onlineddl.domain.server.ServerCapability.BINARY_LOG_STATUS_STATEMENT;
import static dev.onlineddl.domain.server.ServerCapability.INSTANT_ADD_DROP_COLUMN;
import static dev.onlineddl.domain.server.ServerCapability.INSTANT_ADD_DROP_VIRTUAL_COLUMN;
import static dev.onlineddl.domain.server.ServerCapability.INSTANT_ADD_LAST_COLUMN;
import static dev.onlineddl.domain.server.ServerCapability.INSTANT_CHANGE_COLUMN_DEFAULT;
import static dev.onlineddl.domain.server.ServerCapability.INSTANT_DDL;
import static dev.onlineddl.domain.server.ServerCapability.INSTANT_EXPAND_ENUM;
import static org.assertj.core.api.Assertions.assertThat;

class ServerCapabilitiesTest {

    /**
     * Every capability per release. Abbreviations keep the table readable:
     * DDL=INSTANT_DDL, LAST=INSTANT_ADD_LAST_COLUMN, ADDDROP=INSTANT_ADD_DROP_COLUMN,
     * VIRT=INSTANT_ADD_DROP_VIRTUAL_COLUMN, DEF=INSTANT_CHANGE_COLUMN_DEFAULT, ENUM=INSTANT_EXPAND_ENUM,
     * GTIDTX=TRANSACTIONAL_GTID_EXECUTED, FASTDROP=FAST_DROP_TABLE, UPGRADE=MYSQL_UPGRADE_IN_SERVER,
     * NOREDO=DISABLE_REDO_LOG, REDOCAP=DYNAMIC_REDO_LOG_CAPACITY, JSON=MYSQL_JSON,
     * BLSTATUS=BINARY_LOG_STATUS_STATEMENT.
     */
    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            5.6.51                                | NULL           | -
            5.7.7                                 | NULL           | -
            5.7.8                                 | NULL           | JSON
            5.7.44-log                            | NULL           | JSON
            8.0.11                                | NULL           | JSON
            8.0.12                                | NULL           | DDL LAST VIRT DEF ENUM JSON
            8.0.16                                | NULL           | DDL LAST VIRT DEF ENUM JSON UPGRADE
            8.0.17                                | NULL           | DDL LAST VIRT DEF ENUM JSON UPGRADE GTIDTX
            8.0.28                                | NULL           | DDL LAST VIRT DEF ENUM JSON UPGRADE GTIDTX NOREDO FASTDROP
            8.0.29                                | NULL           | DDL LAST VIRT DEF ENUM JSON UPGRADE GTIDTX NOREDO FASTDROP ADDDROP
            8.0.30                                | NULL           | DDL LAST VIRT DEF ENUM JSON UPGRADE GTIDTX NOREDO FASTDROP ADDDROP REDOCAP
            8.0.36-28                             | Percona Server | DDL LAST VIRT DEF ENUM JSON UPGRADE GTIDTX NOREDO FASTDROP ADDDROP REDOCAP
            8.2.0                                 | NULL           | DDL LAST VIRT DEF ENUM JSON UPGRADE GTIDTX NOREDO FASTDROP ADDDROP REDOCAP BLSTATUS
            8.4.3                                 | NULL           | DDL LAST VIRT DEF ENUM JSON UPGRADE GTIDTX NOREDO FASTDROP ADDDROP REDOCAP BLSTATUS
            9.1.0                                 | NULL           | DDL LAST VIRT DEF ENUM JSON UPGRADE GTIDTX NOREDO FASTDROP ADDDROP REDOCAP BLSTATUS
            10.2.44-MariaDB                       | NULL           | -
            10.3.6-MariaDB                        | NULL           | -
            10.3.7-MariaDB                        | NULL           | DDL LAST DEF ENUM
            10.3.39-MariaDB-log                   | NULL           | DDL LAST DEF ENUM
            10.4.0-MariaDB                        | NULL           | DDL LAST DEF ENUM ADDDROP VIRT
            10.4.34-MariaDB                       | NULL           | DDL LAST DEF ENUM ADDDROP VIRT
            10.11.6-MariaDB-1:10.11.6+maria~deb12 | NULL           | DDL LAST DEF ENUM ADDDROP VIRT
            5.5.5-10.11.6-MariaDB                 | NULL           | DDL LAST DEF ENUM ADDDROP VIRT
            10.6.16                               | MariaDB Server | DDL LAST DEF ENUM ADDDROP VIRT
            11.4.5-MariaDB-log                    | MariaDB Server | DDL LAST DEF ENUM ADDDROP VIRT
            """)
    void capabilitiesPerRelease(String version, String comment, String expected) {
        ServerCapabilities capabilities = ServerCapabilities.of(ServerVersion.parse(version, comment));

        Set<ServerCapability> expectedSet = parse(expected);
        assertThat(capabilities.capabilities()).containsExactlyInAnyOrderElementsOf(expectedSet);
        for (ServerCapability capability : ServerCapability.values()) {
            assertThat(capabilities.supports(capability))
                    .as("%s on %s", capability, version)
                    .isEqualTo(expectedSet.contains(capability));
        }
    }

    @ParameterizedTest(name = "{0} with innodb_instant_alter_column_allowed={1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            11.4.5-MariaDB  | add_drop_reorder | DDL LAST DEF ENUM ADDDROP VIRT
            11.4.5-MariaDB  | ADD_DROP_REORDER | DDL LAST DEF ENUM ADDDROP VIRT
            11.4.5-MariaDB  | add_last         | DDL LAST DEF ENUM VIRT
            11.4.5-MariaDB  | ' add_last '     | DDL LAST DEF ENUM VIRT
            11.4.5-MariaDB  | 1                | DDL LAST DEF ENUM VIRT
            11.4.5-MariaDB  | never            | DDL DEF ENUM VIRT
            11.4.5-MariaDB  | 0                | DDL DEF ENUM VIRT
            11.4.5-MariaDB  | NULL             | DDL LAST DEF ENUM ADDDROP VIRT
            11.4.5-MariaDB  | something_new    | DDL LAST DEF ENUM ADDDROP VIRT
            10.3.39-MariaDB | never            | DDL DEF ENUM
            8.0.30          | never            | DDL LAST VIRT DEF ENUM JSON UPGRADE GTIDTX NOREDO FASTDROP ADDDROP REDOCAP
            """)
    void mariaDbSettingNarrowsInstantColumnChanges(String version, String setting, String expected) {
        ServerCapabilities capabilities = ServerCapabilities.of(ServerVersion.parse(version))
                .withInnodbInstantAlterColumnAllowed(setting);

        assertThat(capabilities.capabilities()).containsExactlyInAnyOrderElementsOf(parse(expected));
    }

    @Test
    void capabilitySetIsACopyAndUnmodifiable() {
        EnumSet<ServerCapability> source = EnumSet.of(INSTANT_DDL);
        ServerCapabilities capabilities = new ServerCapabilities(ServerVersion.parse("8.0.12"), source);
        source.add(INSTANT_EXPAND_ENUM);

        assertThat(capabilities.supports(INSTANT_EXPAND_ENUM)).isFalse();
        assertThat(capabilities.capabilities()).isUnmodifiable();
    }

    @Test
    void describesItself() {
        ServerCapabilities capabilities = ServerCapabilities.of(ServerVersion.parse("10.3.39-MariaDB"));

        assertThat(capabilities.toString())
                .startsWith("MariaDB 10.3.39 ")
                .contains(INSTANT_ADD_LAST_COLUMN.name(), INSTANT_CHANGE_COLUMN_DEFAULT.name())
                .doesNotContain(INSTANT_ADD_DROP_COLUMN.name(), INSTANT_ADD_DROP_VIRTUAL_COLUMN.name(),
                        BINARY_LOG_STATUS_STATEMENT.name());
    }

    private static Set<ServerCapability> parse(String abbreviations) {
        EnumSet<ServerCapability> set = EnumSet.noneOf(ServerCapability.class);
        if (abbreviations.equals("-")) {
            return set;
        }
        Arrays.stream(abbreviations.split(" ")).map(ServerCapabilitiesTest::expand).forEach(set::add);
        return set;
    }

    private static ServerCapability expand(String abbreviation) {
        return switch (abbreviation) {
            case "DDL" -> INSTANT_DDL;
            case "LAST" -> INSTANT_ADD_LAST_COLUMN;
            case "ADDDROP" -> INSTANT_ADD_DROP_COLUMN;
            case "VIRT" -> INSTANT_ADD_DROP_VIRTUAL_COLUMN;
            case "DEF" -> INSTANT_CHANGE_COLUMN_DEFAULT;
            case "ENUM" -> INSTANT_EXPAND_ENUM;
            case "GTIDTX" -> ServerCapability.TRANSACTIONAL_GTID_EXECUTED;
            case "FASTDROP" -> ServerCapability.FAST_DROP_TABLE;
            case "UPGRADE" -> ServerCapability.MYSQL_UPGRADE_IN_SERVER;
            case "NOREDO" -> ServerCapability.DISABLE_REDO_LOG;
            case "REDOCAP" -> ServerCapability.DYNAMIC_REDO_LOG_CAPACITY;
            case "JSON" -> ServerCapability.MYSQL_JSON;
            case "BLSTATUS" -> BINARY_LOG_STATUS_STATEMENT;
            default -> throw new IllegalArgumentException("unknown abbreviation in test table: " + abbreviation);
        };
    }
}
