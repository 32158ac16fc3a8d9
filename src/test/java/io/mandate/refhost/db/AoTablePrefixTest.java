package io.mandate.refhost.db;

import org.junit.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import static org.junit.Assert.assertEquals;

/** Table names must be the ones Atlassian's Active Objects plugin would create: AO_ + last 6 hex of MD5. */
public class AoTablePrefixTest {

    private static String expectedHash(String namespace) throws Exception {
        byte[] md5 = MessageDigest.getInstance("MD5").digest(namespace.getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte b : md5) {
            hex.append(String.format("%02X", b & 0xff));
        }
        return hex.substring(hex.length() - 6);
    }

    @Test
    public void prefixIsAoAndTheLastSixHexOfTheMd5OfTheNamespace() throws Exception {
        assertEquals("AO_" + expectedHash("io.mandate") + "_", new AoTablePrefix("io.mandate").value());
    }

    /** Pinned: changing it would orphan every customer's existing tables. */
    @Test
    public void mandatePrefixIsPinned() {
        assertEquals("AO_3BD0E8_", new AoTablePrefix("io.mandate").value());
    }

    /** Jira Software's tables are AO_60DB71_* for plugin key com.pyxis.greenhopper.jira: the real rule. */
    @Test
    public void matchesAKnownAtlassianPrefix() {
        assertEquals("AO_60DB71_", new AoTablePrefix("com.pyxis.greenhopper.jira").value());
    }

    @Test
    public void prependJoinsPrefixAndTableName() {
        assertEquals("AO_3BD0E8_DECISION", new AoTablePrefix("io.mandate").prepend("DECISION"));
    }
}
