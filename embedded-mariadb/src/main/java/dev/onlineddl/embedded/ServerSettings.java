package dev.onlineddl.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What sets one server apart from the others this JVM runs: its {@code server_id} (replication
 * needs every server of a topology to have its own) and any server arguments of its own, e.g.
 * {@code --log-slave-updates} or {@code --gtid-strict-mode=ON} for a replica. They come after the
 * arguments every embedded server gets, so they win where the two name the same option.
 *
 * @param serverId       1 to 4294967295
 * @param extraArguments each {@code --option} or {@code --option=value}; never a password: a
 *                       command line is visible to every user of the machine
 */
public record ServerSettings(long serverId, List<String> extraArguments) {

    private static final long MAX_SERVER_ID = 4_294_967_295L;
    /** Options that would move files this module manages, or take the server off loopback. */
    private static final List<String> RESERVED = List.of("--datadir", "--port", "--socket", "--pid-file", "--basedir",
            "--bind-address", "--server-id", "--server_id", "--no-defaults", "--defaults-file", "--user");

    public ServerSettings {
        if (serverId < 1 || serverId > MAX_SERVER_ID) {
            throw new IllegalArgumentException("server_id must be 1 to " + MAX_SERVER_ID + ", not " + serverId);
        }
        extraArguments = List.copyOf(extraArguments);
        for (String argument : extraArguments) {
            if (!argument.startsWith("--")) {
                throw new IllegalArgumentException("a server argument starts with --: '" + argument + "'");
            }
            String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(name + " is set by the embedded server itself: give the server id as"
                        + " serverId, and leave files and ports to it");
            }
            if (name.toLowerCase(Locale.ROOT).contains("password")) {
                throw new IllegalArgumentException(name + ": a password never goes on a command line; set it over SQL");
            }
        }
    }

    /** A server with the given id and no arguments of its own. */
    public static ServerSettings withServerId(long serverId) {
        return new ServerSettings(serverId, List.of());
    }

    /**
     * A server meant to replicate: it logs what it replicates (so that it can serve as a primary in
     * turn, and so that a binlog reader sees the replicated changes) and refuses GTIDs out of order.
     */
    public static ServerSettings replica(long serverId) {
        return new ServerSettings(serverId, List.of("--log-slave-updates=ON", "--gtid-strict-mode=ON"));
    }

    /** These settings with more arguments after the present ones. */
    public ServerSettings withArguments(String... more) {
        List<String> all = new ArrayList<>(extraArguments);
        all.addAll(List.of(more));
        return new ServerSettings(serverId, all);
    }
}
