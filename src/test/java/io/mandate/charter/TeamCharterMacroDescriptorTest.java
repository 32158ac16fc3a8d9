package io.mandate.charter;

import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * The macro's module in atlassian-plugin.xml is what Confluence's macro browser needs: Confluence only, a valid
 * category, an icon that is a resource of the plugin, the {@code team} parameter (a required string), and the
 * macro-browser texts ({@code <plugin key>.<macro name>.label/.desc}, {@code .param.team.label/.desc}) in both bundles.
 */
public class TeamCharterMacroDescriptorTest {

    private static final String PLUGIN_KEY = io.mandate.platform.WebResourceKeys.PLUGIN;
    /** Confluence's macro browser categories. */
    private static final List<String> CATEGORIES = List.of("formatting", "confluence-content", "media", "visuals",
            "navigation", "external-content", "communication", "reporting", "admin", "development");

    private static Element macro() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new File("atlassian-plugin.xml"));
        NodeList macros = doc.getElementsByTagName("xhtml-macro");
        for (int i = 0; i < macros.getLength(); i++) {
            Element m = (Element) macros.item(i);
            if ("mandate-team-charter".equals(m.getAttribute("name"))) {
                return m;
            }
        }
        throw new AssertionError("no xhtml-macro mandate-team-charter");
    }

    @Test
    public void theMacroIsConfluencesWithACategoryAnIconAndARequiredTeam() throws Exception {
        Element m = macro();
        assertEquals("confluence", m.getAttribute("application"));
        assertEquals(TeamCharterMacro.class.getName(), m.getAttribute("class"));
        Element category = (Element) m.getElementsByTagName("category").item(0);
        assertTrue(category.getAttribute("name"), CATEGORIES.contains(category.getAttribute("name")));
        NodeList params = m.getElementsByTagName("parameter");
        assertEquals(1, params.getLength());
        Element team = (Element) params.item(0);
        assertEquals("team", team.getAttribute("name"));
        assertEquals("string", team.getAttribute("type"));
        assertEquals("true", team.getAttribute("required"));

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
        String stem = PLUGIN_KEY + ".mandate-team-charter.";
        for (String bundle : List.of("i18n/mandate.properties", "i18n/mandate_de.properties")) {
            Properties p = new Properties();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
                p.load(in);
            }
            for (String key : List.of("label", "desc", "param.team.label", "param.team.desc")) {
                assertTrue(bundle + ": " + stem + key, p.getProperty(stem + key) != null && !p.getProperty(stem + key).isBlank());
            }
        }
    }
}
