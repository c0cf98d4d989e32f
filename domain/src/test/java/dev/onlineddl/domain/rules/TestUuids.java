package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.MigrationUuid;
import java.util.Arrays;
import java.util.List;

/** Readable, valid migration UUIDs for tests: {@code u(7)} is {@code 00000000_0000_0000_0000_000000000007}. */
final class TestUuids {

    private TestUuids() {
    }

    static MigrationUuid u(int n) {
        return new MigrationUuid(String.format("00000000_0000_0000_0000_%012d", n));
    }

    static List<MigrationUuid> uuids(int... ns) {
        return Arrays.stream(ns).mapToObj(TestUuids::u).toList();
    }
}
