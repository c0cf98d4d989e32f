package dev.onlineddl.adapter.mysql.diff;

import dev.onlineddl.port.out.DiffHints;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One differ scenario proven on the server: the live and desired CREATE TABLE ({@code {t}} stands
 * for the table name), rows for the live table, clauses the ALTER must (not) contain, and
 * optionally a query whose answer must survive the ALTER (before and after forms, for renames).
 */
record DiffCase(String name, String liveCreate, String desiredCreate, List<String> liveRows, List<String> mustContain,
                List<String> mustNotContain, Optional<String> survivingBefore, Optional<String> survivingAfter,
                DiffHints hints, boolean expectNoChange, boolean compareAutoIncrement) {

    DiffCase {
        Objects.requireNonNull(name, "name");
        liveRows = List.copyOf(liveRows);
        mustContain = List.copyOf(mustContain);
        mustNotContain = List.copyOf(mustNotContain);
    }

    static DiffCase of(String name, String liveCreate, String desiredCreate) {
        return new DiffCase(name, liveCreate, desiredCreate, List.of(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), DiffHints.declarative(), false, false);
    }

    DiffCase rows(String... inserts) {
        List<String> rows = new ArrayList<>(liveRows);
        rows.addAll(List.of(inserts));
        return new DiffCase(name, liveCreate, desiredCreate, rows, mustContain, mustNotContain, survivingBefore,
                survivingAfter, hints, expectNoChange, compareAutoIncrement);
    }

    DiffCase contains(String... fragments) {
        List<String> all = new ArrayList<>(mustContain);
        all.addAll(List.of(fragments));
        return new DiffCase(name, liveCreate, desiredCreate, liveRows, all, mustNotContain, survivingBefore,
                survivingAfter, hints, expectNoChange, compareAutoIncrement);
    }

    DiffCase lacks(String... fragments) {
        List<String> all = new ArrayList<>(mustNotContain);
        all.addAll(List.of(fragments));
        return new DiffCase(name, liveCreate, desiredCreate, liveRows, mustContain, all, survivingBefore,
                survivingAfter, hints, expectNoChange, compareAutoIncrement);
    }

    /** The rows the first query returns before the ALTER are what the second returns after it. */
    DiffCase surviving(String before, String after) {
        return new DiffCase(name, liveCreate, desiredCreate, liveRows, mustContain, mustNotContain,
                Optional.of(before), Optional.of(after), hints, expectNoChange, compareAutoIncrement);
    }

    DiffCase hints(DiffHints newHints) {
        return new DiffCase(name, liveCreate, desiredCreate, liveRows, mustContain, mustNotContain, survivingBefore,
                survivingAfter, newHints, expectNoChange, compareAutoIncrement);
    }

    DiffCase noChange() {
        return new DiffCase(name, liveCreate, desiredCreate, liveRows, mustContain, mustNotContain, survivingBefore,
                survivingAfter, hints, true, compareAutoIncrement);
    }

    /** AUTO_INCREMENT is state: compared only where a case is about it. */
    DiffCase withAutoIncrement() {
        return new DiffCase(name, liveCreate, desiredCreate, liveRows, mustContain, mustNotContain, survivingBefore,
                survivingAfter, hints, expectNoChange, true);
    }

    @Override
    public String toString() {
        return name;
    }
}
