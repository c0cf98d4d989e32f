package dev.onlineddl.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerSettingsTest {

    @Test
    void aReplicaLogsWhatItReplicatesAndKeepsGtidsInOrder() {
        assertThat(ServerSettings.replica(2).extraArguments())
                .containsExactly("--log-slave-updates=ON", "--gtid-strict-mode=ON");
        assertThat(ServerSettings.withServerId(3).withArguments("--read-only=ON").extraArguments())
                .containsExactly("--read-only=ON");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 4_294_967_296L})
    void refusesAServerIdMariaDbWouldNot(long serverId) {
        assertThatThrownBy(() -> ServerSettings.withServerId(serverId)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("server_id must be 1 to 4294967295");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port=3306", "--datadir=/tmp/x", "--server-id=5", "--socket=/tmp/s", "--no-defaults"})
    void leavesFilesPortsAndTheIdToTheServer(String argument) {
        assertThatThrownBy(() -> new ServerSettings(1, List.of(argument))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is set by the embedded server itself");
    }

    @Test
    void refusesPasswordsAndNonOptions() {
        assertThatThrownBy(() -> new ServerSettings(1, List.of("--master-password=secret")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never goes on a command line")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> new ServerSettings(1, List.of("log-bin"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPasswordIsNeverPrinted() {
        assertThat(new Password("hunter2")).hasToString("***");
        assertThat(new Password("")).hasToString("(none)");
    }
}
