package io.mandate.refhost.plugin;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts of {@code atlassian-plugin.xml} the reference host honours, for one product: modules
 * whose {@code application} attribute names another product are left out, as Atlassian's plugin
 * system does.
 */
public record PluginDescriptor(String key, String name, String version, List<String> i18nBundles,
                               Ao ao, List<Rest> rests, List<Servlet> servlets, List<WebPanel> webPanels,
                               List<WebSection> webSections, List<WebItem> webItems,
                               List<WebResource> webResources, List<XhtmlMacro> macros,
                               List<JqlFunction> jqlFunctions, List<CustomFieldType> customFieldTypes,
                               List<CustomFieldSearcher> customFieldSearchers, List<String> velocityAllowlist) {

    public record Ao(String key, String namespace, List<String> entities, List<String> upgradeTasks) { }

    public record Rest(String key, String path, String version, List<String> packages) { }

    public record Servlet(String key, String className, List<String> urlPatterns) { }

    public record WebPanel(String key, String location, int weight, String labelKey, String contextProvider,
                           String viewTemplate) { }

    public record WebSection(String key, String location, int weight, String labelKey) { }

    public record WebItem(String key, String section, int weight, String labelKey, String linkId, String link) { }

    public record WebResource(String key, List<String> dependencies, List<Resource> resources, List<String> contexts) { }

    public record Resource(String type, String name, String location) { }

    public record XhtmlMacro(String key, String name, String className, String bodyType, String outputType,
                             List<String> parameters) { }

    /**
     * A {@code <jql-function>}: {@code fname} and {@code list} are read from CHILD ELEMENTS only, as
     * Jira's JqlFunctionModuleDescriptor does ({@code list} is false unless the element says true).
     */
    public record JqlFunction(String key, String className, String fname, boolean list) { }

    /** A {@code <customfield-type>} and its velocity resources by name ({@code view}, {@code column-view}, {@code xml}, ...). */
    public record CustomFieldType(String key, String name, String className, java.util.Map<String, String> templates) { }

    /** A {@code <customfield-searcher>}: its class, velocity resources and the custom field types it serves. */
    public record CustomFieldSearcher(String key, String className, java.util.Map<String, String> templates,
                                      List<ValidCustomFieldType> validTypes) { }

    /** {@code <valid-customfield-type package="plugin key" key="module key"/>}. */
    public record ValidCustomFieldType(String pluginKey, String key) { }

    public static PluginDescriptor read(InputStream xml, String product) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            Document doc = factory.newDocumentBuilder().parse(xml);
            Element root = doc.getDocumentElement();
            if (!"atlassian-plugin".equals(root.getTagName())) {
                throw new PluginStartException("atlassian-plugin.xml: the root element must be <atlassian-plugin>");
            }
            String key = required(root, "key", "atlassian-plugin");
            Element info = child(root, "plugin-info");
            String version = info == null || child(info, "version") == null ? "" : child(info, "version").getTextContent().trim();

            List<String> i18n = new ArrayList<>();
            for (Element e : children(root, "resource")) {
                if ("i18n".equals(e.getAttribute("type"))) {
                    i18n.add(required(e, "location", "resource"));
                }
            }
            Ao ao = null;
            List<Rest> rests = new ArrayList<>();
            List<Servlet> servlets = new ArrayList<>();
            List<WebPanel> panels = new ArrayList<>();
            List<WebSection> sections = new ArrayList<>();
            List<WebItem> items = new ArrayList<>();
            List<WebResource> resources = new ArrayList<>();
            List<XhtmlMacro> macros = new ArrayList<>();
            List<JqlFunction> jqlFunctions = new ArrayList<>();
            List<CustomFieldType> customFieldTypes = new ArrayList<>();
            List<CustomFieldSearcher> customFieldSearchers = new ArrayList<>();
            List<String> velocityAllowlist = new ArrayList<>();
            for (Element e : children(root, null)) {
                String application = e.getAttribute("application");
                if (!application.isEmpty() && !application.toLowerCase(Locale.ROOT).equals(product)) {
                    continue;
                }
                switch (e.getTagName()) {
                    case "ao" -> {
                        if (ao != null) {
                            throw new PluginStartException("atlassian-plugin.xml: only one <ao> module is allowed per plugin");
                        }
                        String namespace = e.getAttribute("namespace").isEmpty() ? key : e.getAttribute("namespace");
                        ao = new Ao(required(e, "key", "ao"), namespace, texts(e, "entity"), texts(e, "upgradeTask"));
                    }
                    case "rest" -> rests.add(new Rest(required(e, "key", "rest"), required(e, "path", "rest"),
                            required(e, "version", "rest"), texts(e, "package")));
                    case "servlet" -> servlets.add(new Servlet(required(e, "key", "servlet"),
                            required(e, "class", "servlet"), texts(e, "url-pattern")));
                    case "web-panel" -> {
                        Element provider = child(e, "context-provider");
                        String view = null;
                        for (Element r : children(e, "resource")) {
                            if ("view".equals(r.getAttribute("name"))) {
                                view = required(r, "location", "web-panel resource");
                            }
                        }
                        panels.add(new WebPanel(required(e, "key", "web-panel"), required(e, "location", "web-panel"),
                                weight(e), labelKey(e), provider == null ? null : required(provider, "class", "context-provider"),
                                view));
                    }
                    case "web-section" -> sections.add(new WebSection(required(e, "key", "web-section"),
                            required(e, "location", "web-section"), weight(e), labelKey(e)));
                    case "web-item" -> {
                        Element link = child(e, "link");
                        items.add(new WebItem(required(e, "key", "web-item"), required(e, "section", "web-item"),
                                weight(e), labelKey(e), link == null ? null : link.getAttribute("linkId"),
                                link == null ? null : link.getTextContent().trim()));
                    }
                    case "web-resource" -> {
                        List<Resource> rs = new ArrayList<>();
                        for (Element r : children(e, "resource")) {
                            rs.add(new Resource(r.getAttribute("type"), required(r, "name", "web-resource resource"),
                                    required(r, "location", "web-resource resource")));
                        }
                        resources.add(new WebResource(required(e, "key", "web-resource"), texts(e, "dependency"), rs,
                                texts(e, "context")));
                    }
                    case "xhtml-macro" -> {
                        List<String> params = new ArrayList<>();
                        Element ps = child(e, "parameters");
                        if (ps != null) {
                            for (Element p : children(ps, "parameter")) {
                                params.add(p.getAttribute("name"));
                            }
                        }
                        macros.add(new XhtmlMacro(required(e, "key", "xhtml-macro"), required(e, "name", "xhtml-macro"),
                                required(e, "class", "xhtml-macro"), e.getAttribute("body-type"), e.getAttribute("output-type"),
                                params));
                    }
                    case "jql-function" -> {
                        String moduleKey = required(e, "key", "jql-function");
                        Element fname = child(e, "fname");
                        if (fname == null || fname.getTextContent().isBlank()) {
                            throw new PluginStartException("atlassian-plugin.xml: <jql-function> module " + moduleKey
                                    + " needs a <fname> child element" + (e.hasAttribute("fname")
                                    ? " (an fname attribute is ignored by Jira)" : ""));
                        }
                        Element list = child(e, "list");
                        jqlFunctions.add(new JqlFunction(moduleKey, required(e, "class", "jql-function"),
                                fname.getTextContent().trim(), list != null && Boolean.parseBoolean(list.getTextContent().trim())));
                    }
                    case "customfield-type" -> customFieldTypes.add(new CustomFieldType(required(e, "key", "customfield-type"),
                            e.getAttribute("name").isBlank() ? e.getAttribute("key") : e.getAttribute("name").trim(),
                            required(e, "class", "customfield-type"), velocityResources(e, "customfield-type")));
                    case "customfield-searcher" -> {
                        List<ValidCustomFieldType> valid = new ArrayList<>();
                        for (Element v : children(e, "valid-customfield-type")) {
                            valid.add(new ValidCustomFieldType(required(v, "package", "valid-customfield-type"),
                                    required(v, "key", "valid-customfield-type")));
                        }
                        customFieldSearchers.add(new CustomFieldSearcher(required(e, "key", "customfield-searcher"),
                                required(e, "class", "customfield-searcher"), velocityResources(e, "customfield-searcher"), valid));
                    }
                    case "velocity-allowlist" -> {
                        // Platform 7: the methods this plugin's templates may call (checked by the template renderer)
                        required(e, "key", "velocity-allowlist");
                        velocityAllowlist.addAll(texts(e, "method"));
                    }
                    default -> {
                        // plugin-info, resource, rest-migration, other products' modules
                    }
                }
            }
            return new PluginDescriptor(key, root.getAttribute("name"), version, i18n, ao, rests, servlets, panels,
                    sections, items, resources, macros, jqlFunctions, customFieldTypes, customFieldSearchers,
                    List.copyOf(velocityAllowlist));
        } catch (PluginStartException e) {
            throw e;
        } catch (Exception e) {
            throw new PluginStartException("atlassian-plugin.xml cannot be read: " + e.getMessage(), e);
        }
    }

    private static java.util.Map<String, String> velocityResources(Element module, String what) {
        java.util.Map<String, String> templates = new java.util.LinkedHashMap<>();
        for (Element r : children(module, "resource")) {
            if ("velocity".equals(r.getAttribute("type"))) {
                templates.put(required(r, "name", what + " resource"), required(r, "location", what + " resource"));
            }
        }
        return templates;
    }

    private static int weight(Element e) {
        String w = e.getAttribute("weight");
        return w.isEmpty() ? 1000 : Integer.parseInt(w.trim());
    }

    private static String labelKey(Element e) {
        Element label = child(e, "label");
        return label == null ? null : label.getAttribute("key");
    }

    private static String required(Element e, String attribute, String module) {
        String value = e.getAttribute(attribute);
        if (value.isBlank()) {
            throw new PluginStartException("atlassian-plugin.xml: <" + module + "> needs the attribute '" + attribute + "'"
                    + (e.hasAttribute("key") ? " (module " + e.getAttribute("key") + ")" : ""));
        }
        return value.trim();
    }

    private static Element child(Element parent, String name) {
        List<Element> list = children(parent, name);
        return list.isEmpty() ? null : list.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element el && (name == null || el.getTagName().equals(name))) {
                result.add(el);
            }
        }
        return result;
    }

    private static List<String> texts(Element parent, String name) {
        return children(parent, name).stream().map(e -> e.getTextContent().trim()).toList();
    }
}
