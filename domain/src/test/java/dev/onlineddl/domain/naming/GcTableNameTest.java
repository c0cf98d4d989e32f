package dev.onlineddl.domain.naming;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationUuid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GcTableNameTest {

    static final MigrationUuid MIGRATION = MigrationUuid.parse("dd216464_6b52_11ee_ba7c_0a43f95f28a3");
    static final String GC_UUID = "dd2164646b5211eeba7c0a43f95f28a3";
    static final Instant CREATED = Instant.parse("2023-10-15T12:03:33Z");

    @Test
    void dropMigrationHoldsTheTableForTheRetentionPeriod() {
        // created 2023-10-15 12:03:33 with 24h retention
        GcTableName held = GcTableName.heldAfterDrop(MIGRATION, CREATED, Duration.ofHours(24));
        assertThat(held.name()).isEqualTo("_vt_HOLD_dd2164646b5211eeba7c0a43f95f28a3_20231016120333");
        assertThat(held.toString()).isEqualTo(held.name());
        assertThat(held.state()).isEqualTo(GcState.HOLD);
        assertThat(held.gcUuid()).isEqualTo(GC_UUID);
        assertThat(held.retainUntil()).isEqualTo(Instant.parse("2023-10-16T12:03:33Z"));
    }

    @ParameterizedTest(name = "artifact #{0} -> {1}")
    @CsvSource({
            "0,_vt_PURGE_dd2164646b5211eeba7c0a43f95f28a3_20231015120333",
            "1,_vt_PURGE_dd2164646b5211eeba7c0a43f95f28a3_20231015120334",
            "2,_vt_PURGE_dd2164646b5211eeba7c0a43f95f28a3_20231015120335",
            "27,_vt_PURGE_dd2164646b5211eeba7c0a43f95f28a3_20231015120400",
    })
    void artifactsArePurgedUnderTheMigrationsUuidOneSecondApart(int index, String expected) {
        assertThat(GcTableName.purgedArtifact(MIGRATION, CREATED, index).name()).isEqualTo(expected);
    }

    @Test
    void artifactIndexMustNotBeNegative() {
        assertThatThrownBy(() -> GcTableName.purgedArtifact(MIGRATION, CREATED, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("artifact index must not be negative: -1");
    }

    @ParameterizedTest
    @EnumSource(GcState.class)
    void everyStateAppearsInTheName(GcState state) {
        GcTableName name = GcTableName.of(state, MIGRATION, CREATED);
        assertThat(name.name()).isEqualTo("_vt_" + state.name() + "_" + GC_UUID + "_20231015120333");
        assertThat(GcTableName.isGcTableName(name.name())).isTrue();
        assertThat(GcTableName.analyze(name.name())).contains(name);
    }

    @Test
    void timeIsWrittenInUtcWithSecondsResolution() {
        GcTableName name = new GcTableName(GcState.EVAC, GC_UUID, Instant.parse("2024-02-29T23:59:59.999999999Z"));
        assertThat(name.name()).endsWith("_20240229235959");
        assertThat(name.retainUntil()).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
        assertThat(name).isEqualTo(new GcTableName(GcState.EVAC, GC_UUID, Instant.parse("2024-02-29T23:59:59Z")));
    }

    @Test
    void randomNamesUseAFreshTimeBasedUuid() {
        Random random = new Random(7);
        GcTableName first = GcTableName.random(GcState.HOLD, CREATED, Duration.ofHours(1), random);
        GcTableName second = GcTableName.random(GcState.HOLD, CREATED, Duration.ofHours(1), random);
        assertThat(first.gcUuid()).matches("[0-9a-f]{32}").isNotEqualTo(second.gcUuid());
        // version nibble of a v1 UUID, at the start of its third group
        assertThat(first.gcUuid().charAt(12)).isEqualTo('1');
        assertThat(first.retainUntil()).isEqualTo(Instant.parse("2023-10-15T13:03:33Z"));
        assertThat(first.name()).startsWith("_vt_HOLD_").endsWith("_20231015130333");
    }

    @ParameterizedTest(name = "GC uuid {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "xyz",
            "dd2164646b5211eeba7c0a43f95f28a",
            "dd2164646b5211eeba7c0a43f95f28a3f",
            "dd216464_6b52_11ee_ba7c_0a43f95f28a3",
            "gd2164646b5211eeba7c0a43f95f28a3",
            "\"\"",
    })
    void rejectsMalformedGcUuids(String gcUuid) {
        assertThatThrownBy(() -> new GcTableName(GcState.HOLD, gcUuid, CREATED))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Not a valid GC UUID format: " + gcUuid + ": expected 32 hex digits, a migration UUID without its underscores");
    }

    @Test
    void acceptsVitessAsciiRangeQuirkInGcUuids() {
        // [0-f] is the ASCII range '0'..'f': upper case and some punctuation pass, as in Vitess
        assertThat(new GcTableName(GcState.HOLD, "DD2164646B5211EEBA7C0A43F95F28A3", CREATED).name())
                .isEqualTo("_vt_HOLD_DD2164646B5211EEBA7C0A43F95F28A3_20231015120333");
    }

    @ParameterizedTest(name = "retain until {0}")
    @CsvSource({"+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z"})
    void rejectsTimesWithoutAFourDigitYear(String time) {
        assertThatThrownBy(() -> new GcTableName(GcState.DROP, GC_UUID, Instant.parse(time)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("time " + Instant.parse(time)
                        + " cannot be written as a 14-digit yyyyMMddHHmmss timestamp in a table name: its year is outside 0000-9999");
    }

    @ParameterizedTest(name = "isGcTableName({0}) = {1}")
    @CsvSource({
            "_vt_HOLD_dd2164646b5211eeba7c0a43f95f28a3_20231016120333,true",
            "_vt_PURGE_dd2164646b5211eeba7c0a43f95f28a3_20231016120333,true",
            "_vt_EVAC_dd2164646b5211eeba7c0a43f95f28a3_20231016120333,true",
            "_vt_DROP_dd2164646b5211eeba7c0a43f95f28a3_20231016120333,true",
            "_vt_DROP_dd2164646b5211eeba7c0a43f95f28a3_20231399999999,true",
            "_vt_hold_dd2164646b5211eeba7c0a43f95f28a3_20231016120333,false",
            "_vt_KEEP_dd2164646b5211eeba7c0a43f95f28a3_20231016120333,false",
            "_vt_HOLD_dd2164646b5211eeba7c0a43f95f28a_20231016120333,false",
            "_vt_HOLD_dd2164646b5211eeba7c0a43f95f28a3_2023101612033,false",
            "_vt_HOLD_dd2164646b5211eeba7c0a43f95f28a3_20231016120333_x,false",
            "x_vt_HOLD_dd2164646b5211eeba7c0a43f95f28a3_20231016120333,false",
            "users,false",
    })
    void recognisesGcTableNames(String tableName, boolean isGc) {
        assertThat(GcTableName.isGcTableName(tableName)).isEqualTo(isGc);
        assertThat(ArtifactNames.isInternalOperationTableName(tableName)).isEqualTo(isGc);
    }

    @Test
    void aTrailingLineBreakIsNotPartOfAGcName() {
        assertThat(GcTableName.isGcTableName("_vt_HOLD_dd2164646b5211eeba7c0a43f95f28a3_20231016120333\n")).isFalse();
    }

    @ParameterizedTest
    @NullSource
    void nullIsNoGcTableName(String tableName) {
        assertThat(GcTableName.isGcTableName(tableName)).isFalse();
        assertThat(GcTableName.analyze(tableName)).isEmpty();
    }

    @Test
    void analyzeSplitsAGcNameIntoItsParts() {
        assertThat(GcTableName.analyze("_vt_PURGE_0123456789abcdef0123456789abcdef_20231231235959")).hasValueSatisfying(name -> {
            assertThat(name.state()).isEqualTo(GcState.PURGE);
            assertThat(name.gcUuid()).isEqualTo("0123456789abcdef0123456789abcdef");
            assertThat(name.retainUntil()).isEqualTo(Instant.parse("2023-12-31T23:59:59Z"));
        });
    }

    @Test
    void analyzeOfAnOrdinaryTableIsEmpty() {
        assertThat(GcTableName.analyze("users")).isEmpty();
    }

    @ParameterizedTest(name = "timestamp {0}")
    @CsvSource({"20231399000000", "20230230000000", "20231015246000"})
    void analyzeRejectsGcShapedNamesWithImpossibleTimes(String digits) {
        String tableName = "_vt_HOLD_" + GC_UUID + "_" + digits;
        assertThatThrownBy(() -> GcTableName.analyze(tableName))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("table " + tableName + " looks like a GC table but its timestamp " + digits
                        + " is not a valid yyyyMMddHHmmss time: rename or drop it by hand");
    }

    @Test
    void renameStatementQuotesBothTables() {
        GcTableName held = GcTableName.heldAfterDrop(MIGRATION, CREATED, Duration.ofHours(24));
        assertThat(held.renameStatement("t1"))
                .isEqualTo("RENAME TABLE `t1` TO `_vt_HOLD_dd2164646b5211eeba7c0a43f95f28a3_20231016120333`");
        assertThat(held.renameStatement("odd`name"))
                .isEqualTo("RENAME TABLE `odd``name` TO `_vt_HOLD_dd2164646b5211eeba7c0a43f95f28a3_20231016120333`");
    }

    @Test
    void renameStatementStaysSafeForQuirkUuidsWithBackticks() {
        GcTableName odd = new GcTableName(GcState.HOLD, "dd2164646b5211eeba7c0a43f95f28a`", CREATED);
        assertThat(odd.renameStatement("t"))
                .isEqualTo("RENAME TABLE `t` TO `_vt_HOLD_dd2164646b5211eeba7c0a43f95f28a``_20231015120333`");
    }

    static Stream<Arguments> lifecycles() {
        return Stream.of(
                Arguments.of("", EnumSet.of(GcState.DROP)),
                Arguments.of("drop", EnumSet.of(GcState.DROP)),
                Arguments.of("hold,purge", EnumSet.of(GcState.HOLD, GcState.PURGE, GcState.DROP)),
                Arguments.of(" HOLD; evac  Purge ", EnumSet.of(GcState.HOLD, GcState.EVAC, GcState.PURGE, GcState.DROP)),
                Arguments.of("hold,hold", EnumSet.of(GcState.HOLD, GcState.DROP)));
    }

    @ParameterizedTest(name = "lifecycle \"{0}\"")
    @MethodSource("lifecycles")
    void parsesGcLifecyclesAlwaysIncludingDrop(String lifecycle, Set<GcState> expected) {
        assertThat(GcState.parseLifecycle(lifecycle)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "lifecycle \"{0}\"")
    @CsvSource(delimiter = '|', value = {"hold,bogus|BOGUS", "purge;kept|KEPT", "HOLD_|HOLD_"})
    void rejectsUnknownGcStatesNamingThem(String lifecycle, String badState) {
        assertThatThrownBy(() -> GcState.parseLifecycle(lifecycle))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Unknown GC state: " + badState + " in GC lifecycle '" + lifecycle
                        + "': use a list of HOLD, PURGE, EVAC, DROP");
    }

    @Test
    void stateNamesAreMatchedExactly() {
        assertThat(GcState.byName("EVAC")).contains(GcState.EVAC);
        assertThat(GcState.byName("evac")).isEmpty();
    }
}
