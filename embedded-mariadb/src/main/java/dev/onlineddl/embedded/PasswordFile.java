package dev.onlineddl.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The embedded server's account password in a file only its owner may read (mode 0600). */
final class PasswordFile {

    private static final int PASSWORD_BYTES = 24;

    private PasswordFile() {
    }

    /** 32 characters of URL-safe base64: nothing to escape anywhere the password goes. */
    static Password generate(SecureRandom random) {
        byte[] bytes = new byte[PASSWORD_BYTES];
        random.nextBytes(bytes);
        return new Password(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * Writes the password; the file is created with mode 0600 (never readable by others, not even
     * for a moment) and renamed into place, so a crash leaves the old file or the new one.
     */
    static void write(Path file, Password password) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".new",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temporary, password.value() + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static Password read(Path file) throws IOException {
        return new Password(Files.readString(file, StandardCharsets.UTF_8).strip());
    }
}
