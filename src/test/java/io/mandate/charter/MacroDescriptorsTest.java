package io.mandate.charter;

import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * The macros' modules in atlassian-plugin.xml are what Confluence's macro browser needs: Confluence only, a valid
 * category, an icon that is a resource of the plugin, their parameters (the charter's {@code team} a required string;
 * the report's {@code project}, {@code domain} and {@code team} optional strings, one of which it takes), and the
 * macro-browser texts ({@code <plugin key>.<macro name>.label/.desc}, {@code .param.<name>.label/.desc}) in both bundles.
 */
public class MacroDescriptorsTest {

    /** Each macro: its class and its parameters with whether each is required. */
    private static final Map<String, Map.Entry<Class<?>, Map<String, Boolean>>> MACROS = Map.of(
            "mandate-team-charter", Map.entry(TeamCharterMacro.class, Map.of("team", true)),
            "mandate-accountability-report", Map.entry(AccountabilityReportMacro.class,
                    Map.of("project", false, "domain", false, "team", false)));

    private static final String PLUGIN_KEY = io.mandate.platform.WebResourceKeys.PLUGIN;
    /** Confluence's macro browser categories. */
    private static final List<String> CATEGORIES = List.of("formatting", "confluence-content", "media", "visuals",
            "navigation", "external-content", "communication", "reporting", "admin", "development");

    private static Element macro(String name) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new File("atlassian-plugin.xml"));
        NodeList macros = doc.getElementsByTagName("xhtml-macro");
        for (int i = 0; i < macros.getLength(); i++) {
            Element m = (Element) macros.item(i);
            if (name.equals(m.getAttribute("name"))) {
                return m;
            }
        }
        throw new AssertionError("no xhtml-macro " + name);
    }

    @Test
    public void eachMacroIsConfluencesWithACategoryAnIconAndItsParameters() throws Exception {
        for (Map.Entry<String, Map.Entry<Class<?>, Map<String, Boolean>>> macro : MACROS.entrySet()) {
            assertModule(macro(macro.getKey()), macro.getValue().getKey(), macro.getValue().getValue());
        }
    }

    private static void assertModule(Element m, Class<?> type, Map<String, Boolean> parameters) {
        assertEquals("confluence", m.getAttribute("application"));
        assertEquals(type.getName(), m.getAttribute("class"));
        Element category = (Element) m.getElementsByTagName("category").item(0);
        assertTrue(category.getAttribute("name"), CATEGORIES.contains(category.getAttribute("name")));
        NodeList params = m.getElementsByTagName("parameter");
        Map<String, Boolean> declared = new java.util.HashMap<>();
        for (int i = 0; i < params.getLength(); i++) {
            Element p = (Element) params.item(i);
            assertEquals("string", p.getAttribute("type"));
            declared.put(p.getAttribute("name"), "true".equals(p.getAttribute("required")));
        }
        assertEquals(parameters, declared);

        // the icon is /download/resources/<plugin key>/<name> of a download resource of the plugin itself
        String icon = m.getAttribute("icon").replace("${atlassian.plugin.key}", PLUGIN_KEY);
        String prefix = "/download/resources/" + PLUGIN_KEY + "/";
        assertTrue(icon, icon.startsWith(prefix));
        String name = icon.substring(prefix.length());
        Element root = m.getOwnerDocument().getDocumentElement();
        String location = null;
        for (int i = 0; i < root.getChildNodes().getLength(); i++) {
            if (root.getChildNodes().item(i) instanceof Element r && r.getTagName().equals("resource")
                    && "download".equals(r.getAttribute("type")) && name.equals(r.getAttribute("name"))) {
                location = r.getAttribute("location");
            }
        }
        assertNotNull("a plugin-level download resource named " + name, location);
        assertTrue(location, new File("src/main/resources/" + location).isFile());
    }

    @Test
    public void theMacroBrowserTextsAreInBothBundles() throws Exception {
        for (Map.Entry<String, Map.Entry<Class<?>, Map<String, Boolean>>> macro : MACROS.entrySet()) {
            assertTexts(PLUGIN_KEY + "." + macro.getKey() + ".", macro.getValue().getValue().keySet());
        }
    }

    private void assertTexts(String stem, java.util.Set<String> parameters) throws Exception {
        List<String> keys = new java.util.ArrayList<>(List.of("label", "desc"));
        for (String p : parameters) {
            keys.add("param." + p + ".label");
            keys.add("param." + p + ".desc");
        }
        for (String bundle : List.of("i18n/mandate.properties", "i18n/mandate_de.properties")) {
            Properties p = new Properties();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
                p.load(in);
            }
            for (String key : keys) {
                assertTrue(bundle + ": " + stem + key, p.getProperty(stem + key) != null && !p.getProperty(stem + key).isBlank());
            }
        }
    }
}
