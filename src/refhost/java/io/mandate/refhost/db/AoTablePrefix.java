package io.mandate.refhost.db;

import net.java.ao.atlassian.TablePrefix;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The table prefix Atlassian's Active Objects plugin derives for a plugin: {@code AO_} + the last
 * six hex digits of the MD5 of the ao module's namespace (or the plugin key), upper case.
 */
public final class AoTablePrefix implements TablePrefix {

    private final String prefix;

    public AoTablePrefix(String namespace) {
        this.prefix = "AO_" + lastSixHexOfMd5(namespace) + "_";
    }

    public String value() {
        return prefix;
    }

    @Override
    public String prepend(String string) {
        return prefix + string;
    }

    static String lastSixHexOfMd5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(digest);
            return hex.substring(hex.length() - 6).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JVM", e);
        }
    }
}
