package io.mandate.refhost.world;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Salted SHA-256 password hashing, so the host's user table never holds a password in plain text. Public for the
 * dataset generator, which writes users in bulk.
 */
public final class Passwords {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SALT_BYTES = 16;

    private Passwords() {
    }

    /** A fresh random salt, hex encoded; random so equal passwords do not give equal hashes. */
    static String newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    /** The hex SHA-256 of the salt bytes followed by the UTF-8 password. */
    public static String hash(String saltHex, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(HexFormat.of().parseHex(saltHex));
            return HexFormat.of().formatHex(digest.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime must provide SHA-256", e);
        }
    }

    /** Compares in constant time, so response times do not reveal how much of a guess was right. */
    static boolean matches(String password, String saltHex, String expectedHashHex) {
        byte[] actual = hash(saltHex, password).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = expectedHashHex.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(actual, expected);
    }
}
