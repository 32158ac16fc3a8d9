package io.mandate.platform;

import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** The keys the plugin's pages require through the PageBuilderService name real modules of this plugin. */
public class WebResourceKeysTest {

    @Test
    public void thePluginKeyIsThePomsGroupIdAndArtifactId() throws Exception {
        Document pom = parse(new File("pom.xml"));
        Element project = pom.getDocumentElement();
        assertEquals(WebResourceKeys.PLUGIN, text(project, "groupId") + "." + text(project, "artifactId"));
        Document descriptor = parse(new File("atlassian-plugin.xml"));
        assertEquals("${atlassian.plugin.key}", descriptor.getDocumentElement().getAttribute("key"));
    }

    @Test
    public void everyKeyNamesAWebResourceModuleOfTheDescriptor() throws Exception {
        NodeList modules = parse(new File("atlassian-plugin.xml")).getElementsByTagName("web-resource");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < modules.getLength(); i++) {
            keys.add(WebResourceKeys.PLUGIN + ":" + ((Element) modules.item(i)).getAttribute("key"));
        }
        assertTrue(keys.toString(), keys.contains(WebResourceKeys.STYLES));
        assertTrue(keys.toString(), keys.contains(WebResourceKeys.MATRIX_ADMIN));
    }

    private static Document parse(File file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file);
    }

    /** The text of the project's own child element (not the parent's). */
    private static String text(Element project, String name) {
        NodeList children = project.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        throw new AssertionError("pom.xml has no " + name);
    }
}
