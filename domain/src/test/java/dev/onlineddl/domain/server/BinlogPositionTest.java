package dev.onlineddl.domain.server;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.server.BinlogPosition.FilePosition;
import dev.onlineddl.domain.server.BinlogPosition.MariaDbGtid;
import dev.onlineddl.domain.server.BinlogPosition.MariaDbGtidList;
import dev.onlineddl.domain.server.BinlogPosition.MySqlGtidSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinlogPositionTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "MySQL56/3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,4f7e5e2a-71ca-11e1-9e33-c80aa9429562:1-9",
            "MySQL56/",
            "MariaDB/0-1-42,1-2-7",
            "MariaDB/",
            "FilePos/binlog.000003:1234",
            "FilePos/host:with:colons-bin.000001:4",
    })
    void encodingRoundTrips(String encoded) {
        BinlogPosition position = BinlogPosition.decode(encoded);

        assertThat(position.encoded()).isEqualTo(encoded);
        assertThat(BinlogPosition.decode(position.encoded())).isEqualTo(position);
    }

    @Test
    void decodesToTheRightKind() {
        assertThat(BinlogPosition.decode("MySQL56/abc:1-2")).isInstanceOf(MySqlGtidSet.class);
        assertThat(BinlogPosition.decode("MariaDB/0-1-2")).isInstanceOf(MariaDbGtidList.class);
        assertThat(BinlogPosition.decode("FilePos/f.000001:4")).isInstanceOf(FilePosition.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0-1-2", "mariadb/0-1-2", "Pos/x:1"})
    void rejectsUnknownEncodings(String encoded) {
        assertThatThrownBy(() -> BinlogPosition.decode(encoded))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown binlog position");
    }

    @Test
    void mySqlGtidSetDropsTheServersLineBreaks() {
        MySqlGtidSet set = new MySqlGtidSet("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,\n4f7e5e2a-71ca-11e1-9e33-c80aa9429562:1-9");

        assertThat(set.asText()).isEqualTo("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,4f7e5e2a-71ca-11e1-9e33-c80aa9429562:1-9");
    }

    @Test
    void mariaDbListParsesEachDomain() {
        MariaDbGtidList list = MariaDbGtidList.parse("0-1-42, 1-2-7");

        assertThat(list.gtids()).containsExactly(new MariaDbGtid(0, 1, 42), new MariaDbGtid(1, 2, 7));
        assertThat(list.sequenceInDomain(0)).hasValue(42);
        assertThat(list.sequenceInDomain(1)).hasValue(7);
        assertThat(list.sequenceInDomain(2)).isEmpty();
        assertThat(list.asText()).isEqualTo("0-1-42,1-2-7");
        assertThat(MariaDbGtidList.parse("").gtids()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0-1", "0-1-2-3", "a-1-2", "0--2", "0-1-"})
    void rejectsMalformedMariaDbGtids(String text) {
        assertThatThrownBy(() -> MariaDbGtid.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void rejectsNegativeMariaDbGtidParts() {
        assertThatThrownBy(() -> new MariaDbGtid(-1, 1, 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new MariaDbGtid(0, -1, 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new MariaDbGtid(0, 1, -1)).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"binlog.000003", ":12", "binlog.000003:", "binlog.000003:x", " :1"})
    void rejectsMalformedFilePositions(String text) {
        assertThatThrownBy(() -> FilePosition.parse(text)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void rejectsANegativeOffset() {
        assertThatThrownBy(() -> new FilePosition("binlog.000001", -1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("binlog.000001:-1");
    }

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource({
            "binlog.000003:1234, binlog.000003:1234, 0",
            "binlog.000003:1234, binlog.000003:1300, -1",
            "binlog.000004:4,    binlog.000003:9999, 1",
            "binlog.000002:9999, binlog.000010:4,    -1",
    })
    void filePositionsOrderByFileThenOffset(String left, String right, int expectedSign) {
        assertThat(Integer.signum(FilePosition.parse(left).compareTo(FilePosition.parse(right)))).isEqualTo(expectedSign);
    }

    @Test
    void gtidListIsImmutable() {
        MariaDbGtidList list = new MariaDbGtidList(new java.util.ArrayList<>(List.of(new MariaDbGtid(0, 1, 1))));

        assertThatThrownBy(() -> list.gtids().add(new MariaDbGtid(0, 1, 2))).isInstanceOf(UnsupportedOperationException.class);
    }
}
