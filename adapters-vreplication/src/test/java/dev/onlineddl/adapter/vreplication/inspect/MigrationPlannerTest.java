package dev.onlineddl.adapter.vreplication.inspect;

import static dev.onlineddl.adapter.vreplication.inspect.Columns.enumOf;
import static dev.onlineddl.adapter.vreplication.inspect.Columns.key;
import static dev.onlineddl.adapter.vreplication.inspect.Columns.of;
import static dev.onlineddl.adapter.vreplication.inspect.Columns.primary;
import static dev.onlineddl.adapter.vreplication.inspect.Columns.setOf;
import static dev.onlineddl.adapter.vreplication.inspect.Columns.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.ddl.AlterColumnChanges;
import dev.onlineddl.port.out.SchemaAnalysis;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of Vitess v16's vrepl analysis, one at a time, on hand-made table shapes. */
class MigrationPlannerTest {

    private static final String SOURCE = "t";
    private static final String TARGET = "_t_vrepl";

    private final MigrationPlanner planner = new MigrationPlanner();

    private MigrationPlan plan(TableShape source, TableShape target) {
        return planner.plan(source, target, AlterColumnChanges.NONE);
    }

    private MigrationPlan plan(TableShape source, TableShape target, AlterColumnChanges changes) {
        return planner.plan(source, target, changes);
    }

    private static AlterColumnChanges dropping(String... columns) {
        return new AlterColumnChanges(Set.of(columns), Map.of(), false, false);
    }

    private static AlterColumnChanges renaming(String from, String to) {
        return new AlterColumnChanges(Set.of(), Map.of(from, to), false, false);
    }

    private static List<String> sourceNames(MigrationPlan plan) {
        return plan.sharedColumns().stream().map(pair -> pair.source().name()).toList();
    }

    private static List<String> targetNames(MigrationPlan plan) {
        return plan.sharedColumns().stream().map(pair -> pair.target().name()).toList();
    }

    @Nested
    class SharedColumns {

        @Test
        void anUnchangedTableSharesEveryColumnAndHasNothingToNote() {
            TableShape source = table(SOURCE, List.of(of("id", "int"), of("name", "varchar")), primary("id"));
            TableShape target = table(TARGET, List.of(of("id", "int"), of("name", "varchar")), primary("id"));

            MigrationPlan plan = plan(source, target);

            assertThat(plan.selectList()).isEqualTo("`id` AS `id`, `name` AS `name`");
            assertThat(plan.targetColumnList()).isEqualTo("`id`, `name`");
            assertThat(plan.sourceKey().name()).isEqualTo("PRIMARY");
            assertThat(plan.targetKey().name()).isEqualTo("PRIMARY");
            assertThat(plan.sourceKeyTargetColumns()).containsExactly("id");
            assertThat(plan.sourceKeyColumns()).extracting(ColumnInfo::name).containsExactly("id");
            assertThat(plan.droppedSourceNonGeneratedColumns()).isEmpty();
            assertThat(plan.addedUniqueKeys()).isEmpty();
            assertThat(plan.removedUniqueKeys()).isEmpty();
            assertThat(plan.analysis()).isEqualTo(new SchemaAnalysis(0, 0, "", "", "", ""));
        }

        @Test
        void anAddedColumnIsNotCopied() {
            TableShape source = table(SOURCE, List.of(of("id", "int"), of("a", "int")), primary("id"));
            TableShape target = table(TARGET, List.of(of("id", "int"), of("a", "int"), of("b", "int").noDefault()),
                    primary("id"));

            MigrationPlan plan = plan(source, target);

            assertThat(targetNames(plan)).containsExactly("id", "a");
            assertThat(plan.droppedSourceNonGeneratedColumns()).isEmpty();
        }

        @Test
        void aDroppedColumnWithADefaultIsDroppedWithoutANote() {
            TableShape source = table(SOURCE, List.of(of("id", "int"), of("a", "int"), of("b", "int").nullable()),
                    primary("id"));
            TableShape target = table(TARGET, List.of(of("id", "int"), of("b", "int").nullable()), primary("id"));

            MigrationPlan plan = plan(source, target, dropping("a"));

            assertThat(sourceNames(plan)).containsExactly("id", "b");
            assertThat(plan.droppedSourceNonGeneratedColumns()).containsExactly("a");
            assertThat(plan.analysis().droppedNoDefaultColumnNames()).isEmpty();
            assertThat(plan.analysis().revertibleNotes()).isEmpty();
        }

        @Test
        void aDroppedNotNullColumnWithoutDefaultIsNotedForTheRevert() {
            TableShape source = table(SOURCE, List.of(of("id", "int"), of("a", "int").noDefault(),
                    of("b", "int").noDefault()), primary("id"));
            TableShape target = table(TARGET, List.of(of("id", "int")), primary("id"));

            MigrationPlan plan = plan(source, target, dropping("a", "b"));

            assertThat(plan.droppedSourceNonGeneratedColumns()).containsExactly("a", "b");
            assertThat(plan.analysis().droppedNoDefaultColumnNames()).isEqualTo("`a`,`b`");
            assertThat(plan.analysis().revertibleNotes()).isEqualTo(
                    "column a dropped, and had no default value\ncolumn b dropped, and had no default value");
        }

        @Test
        void aColumnDroppedAndAddedAgainUnderItsNameIsNotCopied() {
            TableShape source = table(SOURCE, List.of(of("id", "int"), of("a", "int")), primary("id"));
            TableShape target = table(TARGET, List.of(of("id", "int"), of("a", "varchar")), primary("id"));

            MigrationPlan plan = plan(source, target, dropping("A"));

            assertThat(sourceNames(plan)).containsExactly("id");
            assertThat(plan.droppedSourceNonGeneratedColumns()).containsExactly("a");
        }

        @Test
        void aRenamedColumnIsCopiedUnderItsNewName() {
            TableShape source = table(SOURCE, List.of(of("id", "int"), of("old_name", "int")), primary("id"));
            TableShape target = table(TARGET, List.of(of("id", "int"), of("new_name", "int")), primary("id"));

            MigrationPlan plan = plan(source, target, renaming("OLD_NAME", "new_name"));

            assertThat(plan.selectList()).isEqualTo("`id` AS `id`, `old_name` AS `new_name`");
            assertThat(plan.targetColumnList()).isEqualTo("`id`, `new_name`");
            assertThat(plan.sharedColumns().get(1).renamed()).isTrue();
            assertThat(plan.droppedSourceNonGeneratedColumns()).isEmpty();
        }

        @Test
        void columnsAreMatchedCaseInsensitivelyAndCopiedInSourceOrder() {
            TableShape source = table(SOURCE, List.of(of("id", "int"), of("a", "int"), of("b", "int")), primary("id"));
            TableShape target = table(TARGET, List.of(of("B", "int"), of("id", "int"), of("A", "int")), primary("id"));

            MigrationPlan plan = plan(source, target);

            assertThat(plan.selectList()).isEqualTo("`id` AS `id`, `a` AS `A`, `b` AS `B`");
        }

        @Test
        void generatedColumnsOnEitherSideAreNotCopied() {
            TableShape source = table(SOURCE, List.of(of("id", "int"), of("g_src", "int").generated(),
                    of("g_tgt", "int"), of("a", "int")), primary("id"));
            TableShape target = table(TARGET, List.of(of("id", "int"), of("g_src", "int").generated(),
                    of("g_tgt", "int").generated(), of("a", "int")), primary("id"));

            MigrationPlan plan = plan(source, target);

            assertThat(sourceNames(plan)).containsExactly("id", "a");
            // the source's own generated column holds no data of its own; one turned generated loses its values
            assertThat(plan.droppedSourceNonGeneratedColumns()).containsExactly("g_tgt");
        }

        @Test
        void identifiersWithBackticksAreQuoted() {
            TableShape source = table(SOURCE, List.of(of("i`d", "int")), primary("i`d"));
            TableShape target = table(TARGET, List.of(of("i`d", "int")), primary("i`d"));

            MigrationPlan plan = plan(source, target);

            assertThat(plan.selectList()).isEqualTo("`i``d` AS `i``d`");
            assertThat(plan.targetColumnList()).isEqualTo("`i``d`");
        }

        @Test
        void renamingTheTableIsRefused() {
            TableShape shape = table(SOURCE, List.of(of("id", "int")), primary("id"));

            assertThatThrownBy(() -> plan(shape, shape, new AlterColumnChanges(Set.of(), Map.of(), true, false)))
                    .isInstanceOf(AnalysisException.class)
                    .hasMessageStartingWith("Renaming the table is not supported in ALTER TABLE: ")
                    .hasMessageContaining("`t`");
        }
    }

    @Nested
    class UniqueKeyChoice {

        @Test
        void thePrimaryKeyOfBothIsChosen() {
            TableShape source = table(SOURCE, List.of(of("id", "int"), of("u", "int")), primary("id"), key("uk", "u"));
            TableShape target = table(TARGET, List.of(of("id", "int"), of("u", "int")), primary("id"), key("uk", "u"));

            MigrationPlan plan = plan(source, target);

            assertThat(plan.sourceKey().name()).isEqualTo("PRIMARY");
            assertThat(plan.targetKey().name()).isEqualTo("PRIMARY");
        }

        @Test
        void aCompoundKeyIsSharedThroughARenameInColumnOrder() {
            TableShape source = table(SOURCE, List.of(of("a", "int"), of("b", "int")), primary("a", "b"));
            TableShape target = table(TARGET, List.of(of("a", "int"), of("b2", "int")),
                    key("uk_reversed", "b2", "a"), primary("a", "b2"));

            MigrationPlan plan = plan(source, target, renaming("b", "b2"));

            assertThat(plan.targetKey().name()).isEqualTo("PRIMARY");
            assertThat(plan.sourceKeyTargetColumns()).containsExactly("a", "b2");
            assertThat(plan.sourceKeyColumns()).extracting(ColumnInfo::name).containsExactly("a", "b");
            assertThat(plan.targetKeyColumns()).extracting(ColumnInfo::name).containsExactly("a", "b2");
        }

        @Test
        void aKeyOnTheSameColumnsIsPairedWhateverItsName() {
            TableShape source = table(SOURCE, List.of(of("id", "int"), of("a", "int"), of("b", "int")), primary("id"));
            TableShape target = table(TARGET, List.of(of("id", "int"), of("a", "int"), of("b", "int")),
                    primary("a", "b"), key("uk_id", "id"));

            MigrationPlan plan = plan(source, target);

            assertThat(plan.sourceKey().name()).isEqualTo("PRIMARY");
            assertThat(plan.targetKey().name()).isEqualTo("uk_id");
        }

        @Test
        void aKeyWithANullableColumnIsPassedOver() {
            UniqueKeyInfo nullable = new UniqueKeyInfo("uk_n", List.of("n"), true, false);
            TableShape source = table(SOURCE, List.of(of("n", "int").nullable(), of("u", "int")), nullable, key("uk_u", "u"));
            TableShape target = table(TARGET, List.of(of("n", "int").nullable(), of("u", "int")), nullable, key("uk_u", "u"));

            MigrationPlan plan = plan(source, target);

            assertThat(plan.sourceKey().name()).isEqualTo("uk_u");
            assertThat(plan.targetKey().name()).isEqualTo("uk_u");
        }

        @Test
        void onlyNullableKeysLeaveNothingToIterateBy() {
            UniqueKeyInfo nullable = new UniqueKeyInfo("uk_n", List.of("n"), true, false);
            TableShape source = table(SOURCE, List.of(of("n", "int").nullable()), nullable);
            TableShape target = table(TARGET, List.of(of("n", "int").nullable()), nullable);

            assertThatThrownBy(() -> plan(source, target))
                    .isInstanceOf(AnalysisException.class)
                    .hasMessage("Found no possible unique key on `t` whose columns are in target table `_t_vrepl`");
        }

        @Test
        void aKeyStartingWithAFloatIsPassedOver() {
            UniqueKeyInfo floatFirst = new UniqueKeyInfo("uk_f", List.of("f", "id"), false, true);
            TableShape source = table(SOURCE, List.of(of("f", "float"), of("id", "int")), floatFirst, key("uk_id", "id"));
            TableShape target = table(TARGET, List.of(of("f", "float"), of("id", "int")), floatFirst, key("uk_id", "id"));

            MigrationPlan plan = plan(source, target);

            assertThat(plan.sourceKey().name()).isEqualTo("uk_id");
            assertThat(floatFirst.validForIteration()).isFalse();
        }

        @Test
        void withoutASharedKeyEachSideTakesItsFirstKeyOfCopiedColumns() {
            TableShape source = table(SOURCE, List.of(of("id", "int"), of("a", "int")), primary("id"));
            TableShape target = table(TARGET, List.of(of("id", "int"), of("a", "int")), primary("a"));

            MigrationPlan plan = plan(source, target);

            assertThat(plan.sourceKey().columns()).containsExactly("id");
            assertThat(plan.targetKey().columns()).containsExactly("a");
            assertThat(plan.sourceKeyTargetColumns()).containsExactly("id");
        }

        @Test
        void aSourceKeyOfDroppedColumnsCannotBeIteratedBy() {
            TableShape source = table(SOURCE, List.of(of("id", "int"), of("a", "int")), primary("id"));
            TableShape target = table(TARGET, List.of(of("a", "int")), primary("a"));

            assertThatThrownBy(() -> plan(source, target, dropping("id")))
                    .isInstanceOf(AnalysisException.class)
                    .hasMessage("Found no possible unique key on `t` whose columns are in target table `_t_vrepl`");
        }

        @Test
        void aTargetKeyOfAddedColumnsCannotIdentifyCopiedRows() {
            TableShape source = table(SOURCE, List.of(of("id", "int")), primary("id"));
            TableShape target = table(TARGET, List.of(of("id", "int"), of("new_id", "int")), primary("new_id"));

            assertThatThrownBy(() -> plan(source, target))
                    .isInstanceOf(AnalysisException.class)
                    .hasMessage("Found no possible unique key on `_t_vrepl` whose columns are in source table `t`");
        }

        @Test
        void aTableWithoutUniqueKeysCannotBeMigrated() {
            TableShape keyless = table(SOURCE, List.of(of("id", "int")));
            TableShape keyed = table(TARGET, List.of(of("id", "int")), primary("id"));

            assertThatThrownBy(() -> plan(keyless, keyed))
                    .isInstanceOf(AnalysisException.class)
                    .hasMessage("Found no possible unique key on `t`");
            assertThatThrownBy(() -> plan(table(SOURCE, List.of(of("id", "int")), primary("id")),
                    table(TARGET, List.of(of("id", "int")))))
                    .isInstanceOf(AnalysisException.class)
                    .hasMessage("Found no possible unique key on `_t_vrepl`");
        }
    }

    @Nested
    class AddedAndRemovedUniqueKeys {

        private final List<Columns> columns = List.of(of("id", "int"), of("i1", "int"), of("i2", "int"));

        @Test
        void aNewUniqueKeyIsAnAddedConstraint() {
            MigrationPlan plan = plan(table(SOURCE, columns, primary("id")),
                    table(TARGET, columns, primary("id"), key("uk_i1", "i1")));

            assertThat(plan.addedUniqueKeys()).containsExactly("uk_i1");
            assertThat(plan.removedUniqueKeys()).isEmpty();
            assertThat(plan.analysis().addedUniqueKeys()).isEqualTo(1);
            assertThat(plan.analysis().revertibleNotes()).isEmpty();
        }

        @Test
        void wideningAKeyRemovesAConstraint() {
            MigrationPlan plan = plan(table(SOURCE, columns, primary("id"), key("uk", "i1")),
                    table(TARGET, columns, primary("id"), key("uk", "i1", "id")));

            assertThat(plan.addedUniqueKeys()).isEmpty();
            assertThat(plan.removedUniqueKeys()).containsExactly("uk");
            assertThat(plan.analysis().removedUniqueKeys()).isEqualTo(1);
            assertThat(plan.analysis().removedUniqueKeyNames()).isEqualTo("`uk`");
            assertThat(plan.analysis().revertibleNotes()).isEqualTo("unique constraint removed: uk");
        }

        @Test
        void narrowingAKeyAddsAConstraintAndRemovesNone() {
            MigrationPlan plan = plan(table(SOURCE, columns, primary("id"), key("uk", "i1", "id")),
                    table(TARGET, columns, primary("id"), key("uk", "i1")));

            assertThat(plan.addedUniqueKeys()).containsExactly("uk");
            assertThat(plan.removedUniqueKeys()).isEmpty();
        }

        @Test
        void columnOrderDoesNotMatterAndRenamesAreFollowed() {
            List<Columns> renamed = List.of(of("id", "int"), of("j1", "int"), of("i2", "int"));
            MigrationPlan plan = plan(table(SOURCE, columns, primary("id"), key("uk", "i1", "i2")),
                    table(TARGET, renamed, primary("id"), key("uk2", "i2", "j1")), renaming("i1", "j1"));

            assertThat(plan.addedUniqueKeys()).isEmpty();
            assertThat(plan.removedUniqueKeys()).isEmpty();
        }

        @Test
        void droppingAKeyRemovesItsConstraint() {
            MigrationPlan plan = plan(table(SOURCE, columns, primary("id"), key("uk1", "i1"), key("uk2", "i2")),
                    table(TARGET, columns, primary("id")));

            assertThat(plan.removedUniqueKeys()).containsExactly("uk1", "uk2");
            assertThat(plan.analysis().removedUniqueKeyNames()).isEqualTo("`uk1`,`uk2`");
            assertThat(plan.analysis().revertibleNotes())
                    .isEqualTo("unique constraint removed: uk1\nunique constraint removed: uk2");
        }
    }

    @Nested
    class ExpandedColumns {

        static List<Object[]> expansions() {
            return List.of(
                    new Object[] {of("c", "int"), of("c", "int").nullable(), "target is NULL-able, source is not"},
                    new Object[] {of("c", "varchar").length(10), of("c", "varchar").length(20),
                            "increased CHARACTER_MAXIMUM_LENGTH"},
                    new Object[] {of("c", "int"), of("c", "bigint"), "increased NUMERIC_PRECISION"},
                    new Object[] {of("c", "decimal"), of("c", "decimal").precision(10), null},
                    new Object[] {of("c", "datetime"), of("c", "datetime").datetimePrecision(6),
                            "increased DATETIME_PRECISION"},
                    new Object[] {of("c", "int").unsigned(), of("c", "int"), "source is unsigned, target is signed"},
                    new Object[] {of("c", "int"), of("c", "int").unsigned(),
                            "target unsigned value exceeds source unsigned value"},
                    new Object[] {of("c", "bigint"), of("c", "float"), "target is floating point, source is not"},
                    new Object[] {of("c", "timestamp"), of("c", "datetime"), "target is expanded data type of source"},
                    new Object[] {of("c", "date").datetimePrecision(0), of("c", "datetime"),
                            "target is expanded data type of source"},
                    new Object[] {of("c", "date"), of("c", "datetime"), "increased DATETIME_PRECISION"},
                    new Object[] {of("c", "varchar").charset("utf8mb3"), of("c", "varchar"),
                            "expand character set to utf8mb4"},
                    new Object[] {of("c", "varchar").charset("latin1"), of("c", "varchar").charset("utf8mb3"),
                            "expand character set to utf8"},
                    new Object[] {of("c", "varchar").charset("utf8mb4"), of("c", "varchar").charset("latin1"), null},
                    new Object[] {enumOf("c", "a", "b"), of("c", "varchar").length(1),
                            "conversion from enum/set to non-enum/set adds potential values"},
                    new Object[] {setOf("c", "a", "b"), enumOf("c", "a", "b"),
                            "conversion from enum/set to non-enum/set adds potential values"},
                    new Object[] {enumOf("c", "a", "b"), enumOf("c", "a", "b", "c"), "target enum/set expands source enum/set"},
                    new Object[] {enumOf("c", "a", "b"), enumOf("c", "b", "a"), "target enum/set expands source enum/set"},
                    new Object[] {enumOf("c", "a", "b"), enumOf("c", "a"), null},
                    new Object[] {of("c", "bigint"), of("c", "int"), null},
                    new Object[] {of("c", "varchar").length(20), of("c", "varchar").length(10), null});
        }

        @ParameterizedTest(name = "{2}")
        @MethodSource("expansions")
        void eachExpansionHasVitesssReason(Columns sourceColumn, Columns targetColumn, String reason) {
            MigrationPlan plan = plan(table(SOURCE, List.of(of("id", "int"), sourceColumn), primary("id")),
                    table(TARGET, List.of(of("id", "int"), targetColumn), primary("id")));

            if (reason == null) {
                assertThat(plan.analysis().expandedColumnNames()).isEmpty();
                assertThat(plan.analysis().revertibleNotes()).isEmpty();
            } else {
                assertThat(plan.analysis().expandedColumnNames()).isEqualTo("`c`");
                assertThat(plan.analysis().revertibleNotes()).isEqualTo("column c: " + reason);
            }
        }

        @Test
        void notesComeInVitesssOrderAndNameSourceColumns() {
            List<Columns> source = List.of(of("id", "int"), of("a", "int"), of("gone", "int").noDefault(),
                    of("old", "varchar").length(5));
            List<Columns> target = List.of(of("id", "int"), of("a", "bigint"), of("new", "varchar").length(8));

            MigrationPlan plan = plan(table(SOURCE, source, primary("id"), key("uk_a", "a")),
                    table(TARGET, target, primary("id")),
                    new AlterColumnChanges(Set.of("gone"), Map.of("old", "new"), false, false));

            assertThat(plan.analysis()).isEqualTo(new SchemaAnalysis(0, 1, "`uk_a`", "`gone`", "`a`,`old`", String.join("\n",
                    "unique constraint removed: uk_a",
                    "column gone dropped, and had no default value",
                    "column a: increased NUMERIC_PRECISION",
                    "column old: increased CHARACTER_MAXIMUM_LENGTH")));
        }
    }

    @Nested
    class SelectExpressions {

        private String expression(Columns sourceColumn, Columns targetColumn) {
            MigrationPlan plan = plan(table(SOURCE, List.of(of("id", "int"), sourceColumn), primary("id")),
                    table(TARGET, List.of(of("id", "int"), targetColumn), primary("id")));
            return plan.sharedColumns().get(1).selectExpression();
        }

        @Test
        void plainColumnsAreSelectedAsTheyAre() {
            assertThat(expression(of("c", "int"), of("c", "bigint"))).isEqualTo("`c`");
            assertThat(expression(of("c", "varchar"), of("c", "text"))).isEqualTo("`c`");
            assertThat(expression(of("c", "varchar").charset("utf8mb3"), of("c", "varchar"))).isEqualTo("`c`");
            assertThat(expression(of("c", "varchar").charset("ascii"), of("c", "varchar"))).isEqualTo("`c`");
            assertThat(expression(of("c", "varchar"), of("c", "int"))).isEqualTo("`c`");
            assertThat(expression(enumOf("c", "a"), enumOf("c", "a", "b"))).isEqualTo("`c`");
            assertThat(expression(setOf("c", "a"), of("c", "varchar"))).isEqualTo("`c`");
        }

        @Test
        void anEnumIntoTextIsSelectedAsItsText() {
            MigrationPlan plan = plan(table(SOURCE, List.of(of("id", "int"), enumOf("e", "x", "y")), primary("id")),
                    table(TARGET, List.of(of("id", "int"), of("e", "varchar")), primary("id")));

            assertThat(plan.sharedColumns().get(1).selectExpression()).isEqualTo("CONCAT(`e`)");
            assertThat(plan.sharedColumns().get(1).convertsEnumToText()).isTrue();
            assertThat(plan.selectList()).isEqualTo("`id` AS `id`, CONCAT(`e`) AS `e`");
        }

        @Test
        void anEnumInBothKeysIsSelectedAsItsText() {
            MigrationPlan plan = plan(table(SOURCE, List.of(enumOf("e", "x", "y"), of("n", "int")), primary("e", "n")),
                    table(TARGET, List.of(enumOf("e", "x", "y", "z"), of("n", "int")), primary("e", "n")));

            assertThat(plan.pairOfSource("e").selectExpression()).isEqualTo("CONCAT(`e`)");
            assertThat(plan.pairOfSource("n").selectExpression()).isEqualTo("`n`");
        }

        @Test
        void anIntegerIntoAnEnumIsSelectedAsText() {
            assertThat(expression(of("c", "tinyint"), enumOf("c", "1", "2"))).isEqualTo("CONCAT(`c`)");
            MigrationPlan plan = plan(table(SOURCE, List.of(of("id", "int"), of("c", "int")), primary("id")),
                    table(TARGET, List.of(of("id", "int"), enumOf("c", "1", "2")), primary("id")));
            assertThat(plan.pairOfSource("c").convertsIntegerToEnum()).isTrue();
        }

        @Test
        void jsonAndNonTrivialCharsetsAreConvertedToUtf8mb4() {
            assertThat(expression(of("c", "json"), of("c", "json"))).isEqualTo("CONVERT(`c` USING utf8mb4)");
            assertThat(expression(of("c", "json"), of("c", "text"))).isEqualTo("CONVERT(`c` USING utf8mb4)");
            assertThat(expression(of("c", "varchar"), of("c", "json"))).isEqualTo("CONVERT(`c` USING utf8mb4)");
            assertThat(expression(of("c", "int"), of("c", "json"))).isEqualTo("CONVERT(`c` USING utf8mb4)");
            assertThat(expression(of("c", "varchar").charset("latin1"), of("c", "varchar")))
                    .isEqualTo("CONVERT(`c` USING utf8mb4)");
            assertThat(expression(of("c", "varchar"), of("c", "varchar").charset("latin1")))
                    .isEqualTo("CONVERT(`c` USING utf8mb4)");
        }

        @Test
        void anUnknownCharacterSetIsRefused() {
            assertThatThrownBy(() -> expression(of("c", "varchar").charset("klingon"), of("c", "varchar")))
                    .isInstanceOf(AnalysisException.class)
                    .hasMessage("Character set klingon not supported for column c");
            assertThatThrownBy(() -> expression(of("c", "varchar"), of("c", "varchar").charset("klingon")))
                    .isInstanceOf(AnalysisException.class)
                    .hasMessage("Character set klingon not supported for column c");
        }
    }
}
