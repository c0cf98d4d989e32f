package dev.onlineddl.testkit;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Properties;

/** A user name and its password; the password never appears in {@link #toString()}. */
record Credentials(String user, String password) {

    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_PASSWORD_LENGTH = 24;

    Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /**
     * An account with a fresh random password. Letters and digits only, so the password survives
     * every quoting layer unchanged; 24 of them are far beyond guessing for a server that lives
     * as long as one test JVM.
     */
    static Credentials withGeneratedPassword(String user, SecureRandom random) {
        StringBuilder password = new StringBuilder(GENERATED_PASSWORD_LENGTH);
        for (int i = 0; i < GENERATED_PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return new Credentials(user, password.toString());
    }

    /** Driver properties carrying the credentials, so that they never become part of a URL. */
    Properties asDriverProperties() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return properties;
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=(hidden)]";
    }
}
