package io.mandate.it;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The modules of {@code atlassian-plugin.xml} that a person reaches other than through the REST API (those have
 * {@link AccessCoverageTest}): every servlet url-pattern, web panel, web section, web item, xhtml-macro, JQL function,
 * custom field type and searcher, once per product it is for (no {@code application} attribute: both). Read from the
 * descriptor itself, so a module added there is a module the access matrix ({@link ModuleAccessIT}) must have a row for.
 * A top-level element of a kind this class does not know is an error: whoever adds a new kind of module decides here
 * whether people reach it.
 */
final class PluginModules {

    static final File DESCRIPTOR = new File("atlassian-plugin.xml");

    /** Kinds of module nobody opens as a page or sees as a part of one: what the plugin is made of, or REST (its own tables). */
    static final Set<String> NOT_REACHED = Set.of("plugin-info", "resource", "rest-migration", "ao", "rest", "web-resource",
            "velocity-allowlist");

    /** Kinds a person reaches: each has rows in the access matrix. */
    static final Set<String> REACHED = Set.of("servlet", "web-panel", "web-section", "web-item", "xhtml-macro", "jql-function",
            "customfield-type", "customfield-searcher");

    static final List<String> PRODUCTS = List.of("jira", "confluence");

    /**
     * One thing a person reaches: the product, the kind of module, its name in the matrix (a servlet's url-pattern, a
     * macro's or JQL function's name, otherwise the module key) and, for web items, their section and link as written.
     */
    record Module(String product, String kind, String name, String location, String link) {
        String id() {
            return product + " " + kind + " " + name;
        }
    }

    private PluginModules() {
    }

    /** Every reached module of the shipped descriptor. */
    static List<Module> all() {
        return read(DESCRIPTOR);
    }

    /** The top-level element names of the descriptor that are in neither {@link #REACHED} nor {@link #NOT_REACHED}. */
    static List<String> unknownKinds(File descriptor) {
        List<String> unknown = new ArrayList<>();
        for (Element e : children(root(descriptor))) {
            if (!REACHED.contains(e.getTagName()) && !NOT_REACHED.contains(e.getTagName())) {
                unknown.add(e.getTagName());
            }
        }
        return unknown;
    }

    static List<Module> read(File descriptor) {
        List<Module> modules = new ArrayList<>();
        for (Element e : children(root(descriptor))) {
            if (!REACHED.contains(e.getTagName())) {
                continue;
            }
            String application = e.getAttribute("application").toLowerCase(Locale.ROOT);
            for (String product : application.isEmpty() ? PRODUCTS : List.of(application)) {
                switch (e.getTagName()) {
                    case "servlet" -> {
                        for (Element pattern : children(e)) {
                            if (pattern.getTagName().equals("url-pattern")) {
                                modules.add(new Module(product, "servlet", pattern.getTextContent().trim(), null, null));
                            }
                        }
                    }
                    case "web-panel", "web-section" -> modules.add(new Module(product, e.getTagName(), e.getAttribute("key"),
                            e.getAttribute("location"), null));
                    case "web-item" -> modules.add(new Module(product, "web-item", e.getAttribute("key"), e.getAttribute("section"),
                            child(e, "link").map(l -> l.getTextContent().trim()).orElse(null)));
                    case "xhtml-macro" -> modules.add(new Module(product, "xhtml-macro", e.getAttribute("name"), null, null));
                    // the function's name is the <fname> child element, as Jira reads it
                    case "jql-function" -> modules.add(new Module(product, "jql-function",
                            child(e, "fname").map(f -> f.getTextContent().trim()).orElse(e.getAttribute("name")), null, null));
                    default -> modules.add(new Module(product, e.getTagName(), e.getAttribute("key"), null, null));
                }
            }
        }
        return modules;
    }

    /** Custom field types in descriptor order: the host numbers their fields {@code customfield_10000}, … in that order. */
    static int customFieldIndex(String key) {
        List<String> keys = all().stream().filter(m -> m.kind().equals("customfield-type") && m.product().equals("jira"))
                .map(Module::name).toList();
        int index = keys.indexOf(key);
        if (index < 0) {
            throw new IllegalArgumentException("No custom field type " + key + " in " + keys);
        }
        return index;
    }

    /** The module of this product, kind and name. */
    static Module module(String product, String kind, String name) {
        return all().stream().filter(m -> m.product().equals(product) && m.kind().equals(kind) && m.name().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No " + kind + " " + name + " for " + product));
    }

    private static Element root(File descriptor) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(descriptor);
            return doc.getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + descriptor.getAbsolutePath(), e);
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> list = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                list.add((Element) nodes.item(i));
            }
        }
        return list;
    }

    private static Optional<Element> child(Element parent, String name) {
        return children(parent).stream().filter(c -> c.getTagName().equals(name)).findFirst();
    }
}
