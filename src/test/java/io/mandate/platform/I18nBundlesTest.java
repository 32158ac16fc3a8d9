package io.mandate.platform;

import org.junit.Test;

import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /**
     * Jira's and Confluence's i18n (and SAL's {@code getText(key)}) run every text through {@link MessageFormat}, with
     * or without arguments: a lone apostrophe starts a quoted run and vanishes ("Jira's" shows as "Jiras"), so every
     * apostrophe is written {@code ''}. Found when the report macro's "Jira's answer could not be read" lost its
     * apostrophe; the charter's notice had the same fault.
     */
    @Test
    public void everyApostropheSurvivesMessageFormat() throws IOException {
        for (String bundle : List.of("i18n/mandate.properties", "i18n/mandate_de.properties")) {
            Properties p = new Properties();
            try (InputStream in = I18nBundlesTest.class.getClassLoader().getResourceAsStream(bundle)) {
                p.load(in);
            }
            List<String> broken = new ArrayList<>();
            for (String key : new TreeSet<>(p.stringPropertyNames())) {
                String text = p.getProperty(key);
                long written = text.chars().filter(c -> c == '\'').count();
                long shown = new MessageFormat(text, Locale.ROOT).format(new Object[]{"a", "b", "c", "d"}).chars().filter(c -> c == '\'').count();
                if (shown * 2 != written) {
                    broken.add(key + "=" + text);
                }
            }
            assertEquals(bundle + ": write every apostrophe as ''", List.of(), broken);
        }
    }
}
