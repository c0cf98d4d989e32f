package dev.onlineddl.adapter.mysql.jdbc;

/**
 * Connector/J's {@code sslMode}: whether the connection to the target server is encrypted and
 * how the server's certificate is checked.
 */
public enum SslMode {
    /** Plain text. */
    DISABLED,
    /** Encrypt when the server offers TLS, else plain text (the driver's default). */
    PREFERRED,
    /** Encrypt or fail; the certificate is not checked. */
    REQUIRED,
    /** Encrypt and check the certificate against the trusted CAs. */
    VERIFY_CA,
    /** As {@link #VERIFY_CA}, and the certificate must name the host connected to. */
    VERIFY_IDENTITY
}
