package io.mandate.platform;

import org.junit.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.Assert.assertEquals;

/** Every string the plugin shows exists in English and in German. */
public class I18nBundlesTest {

    private static Set<String> keys(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(in);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    public void englishAndGermanHaveTheSameKeys() throws IOException {
        assertEquals(keys("i18n/mandate.properties"), keys("i18n/mandate_de.properties"));
    }
}
