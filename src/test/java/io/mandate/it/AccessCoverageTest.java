package io.mandate.it;

import org.junit.Test;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The access tables cover every REST endpoint the plugin has: the endpoints are read from the resource classes
 * (every {@code @Path} class under {@code io.mandate} in the compiled plugin, each method with an HTTP method
 * annotation), the rows from {@link DecisionAccessIT} and {@link AuthorityAccessIT} (Jira) and {@link CharterAccessIT}
 * (Confluence). Each resource belongs to the product whose {@code <rest>} module in atlassian-plugin.xml lists its
 * package, and only rows sent to that product count for it. An endpoint without a row fails here — a new endpoint
 * joins an access table the day it is written. Every endpoint must also have a row for a caller who is not logged in
 * (401) and one that succeeds (2xx), so no endpoint is only ever tested refusing.
 */
public class AccessCoverageTest {

    private static final String BASE = "/rest/mandate/1.0";

    record Endpoint(String product, String method, String template) {
        Pattern pattern() {
            String regex = Pattern.quote(BASE + template).replaceAll("\\{[^}]+}", "\\\\E[^/?]+\\\\Q");
            return Pattern.compile(regex + "(\\?.*)?");
        }

        @Override
        public String toString() {
            return product + ": " + method + " " + BASE + template;
        }
    }

    record Probe(String product, String method, String path, int status) {
    }

    @Test
    public void everyRestEndpointHasAnAnonymousRowAndASuccessfulRowInAnAccessTable() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertTrue("the scan finds the resources: " + endpoints, endpoints.size() >= 20);
        List<Probe> probes = probes();
        Map<String, String> missing = new TreeMap<>();
        for (Endpoint e : endpoints) {
            Pattern p = e.pattern();
            List<Probe> rows = probes.stream().filter(r -> r.product().equals(e.product()) && r.method().equals(e.method())
                    && p.matcher(r.path()).matches()).toList();
            if (rows.isEmpty()) {
                missing.put(e.toString(), "no row");
            } else if (rows.stream().noneMatch(r -> r.status() == 401)) {
                missing.put(e.toString(), "no row for a caller who is not logged in");
            } else if (rows.stream().noneMatch(r -> r.status() >= 200 && r.status() < 300)) {
                missing.put(e.toString(), "no row that succeeds");
            }
        }
        assertEquals("endpoints the access tables miss", Map.of(), missing);
    }

    /** The control: a made-up endpoint is reported, so the check above can fail. */
    @Test
    public void anEndpointWithoutRowsIsFound() throws Exception {
        Pattern p = new Endpoint("jira", "PATCH", "/decisions/{issueKey}").pattern();
        assertTrue(p.matcher(BASE + "/decisions/OPS-2?version=3").matches());
        assertTrue(probes().stream().noneMatch(r -> r.method().equals("PATCH") && p.matcher(r.path()).matches()));
        assertTrue(!new Endpoint("jira", "GET", "/domains/{domainKey}").pattern().matcher(BASE + "/domains/A/grants").matches());
    }

    /** The control for products: Confluence's rows do not count for a Jira endpoint of the same path, nor Jira's for Confluence's. */
    @Test
    public void rowsCountOnlyForTheProductTheyWereSentTo() throws Exception {
        Pattern charters = new Endpoint("confluence", "GET", "/charters/{teamKey}").pattern();
        assertTrue(probes().stream().anyMatch(r -> r.product().equals("confluence") && charters.matcher(r.path()).matches()));
        assertTrue(probes().stream().noneMatch(r -> r.product().equals("jira") && charters.matcher(r.path()).matches()));
        assertEquals("the charter resource is Confluence's", List.of("confluence"),
                endpoints().stream().filter(e -> e.template().startsWith("/charters")).map(Endpoint::product).distinct().toList());
        assertEquals("the decision resource is Jira's", List.of("jira"),
                endpoints().stream().filter(e -> e.template().startsWith("/decisions")).map(Endpoint::product).distinct().toList());
    }

    private static List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (Object[] row : DecisionAccessIT.table()) {
            DecisionAccessIT.Row r = (DecisionAccessIT.Row) row[0];
            probes.add(new Probe("jira", r.method(), r.path(), r.status()));
        }
        for (Object[] row : AuthorityAccessIT.table()) {
            AuthorityAccessIT.Row r = (AuthorityAccessIT.Row) row[0];
            probes.add(new Probe("jira", r.method(), BASE + r.path(), r.status()));
        }
        for (Object[] row : CharterAccessIT.table()) {
            CharterAccessIT.Row r = (CharterAccessIT.Row) row[0];
            probes.add(new Probe("confluence", r.method(), BASE + r.path(), r.status()));
        }
        return probes;
    }

    /** Every resource method of the compiled plugin (target/classes), as product, method and path template. */
    private static List<Endpoint> endpoints() throws Exception {
        java.nio.file.Path root = Paths.get(io.mandate.platform.People.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, String> productOfPackage = restPackages();
        List<Endpoint> endpoints = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("io/mandate"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, AccessCoverageTest.class.getClassLoader());
                Path classPath = type.getAnnotation(Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    String http = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(PUT.class) ? "PUT"
                            : m.isAnnotationPresent(POST.class) ? "POST" : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                    if (http == null) {
                        continue;
                    }
                    Path sub = m.getAnnotation(Path.class);
                    String product = productOfPackage.get(type.getPackageName());
                    assertTrue("the package of " + type.getName() + " is in exactly one product's <rest> module", product != null);
                    endpoints.add(new Endpoint(product, http, join(classPath.value(), sub == null ? "" : sub.value())));
                }
            }
        }
        return endpoints;
    }

    /**
     * The packages of atlassian-plugin.xml's {@code <rest>} modules with resources in them, each with its module's
     * application; a package listed by both products' modules (the shared exception mapper) has no resources.
     */
    private static Map<String, String> restPackages() throws Exception {
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        org.w3c.dom.Document doc = factory.newDocumentBuilder().parse(new java.io.File("atlassian-plugin.xml"));
        Map<String, String> products = new TreeMap<>();
        org.w3c.dom.NodeList rests = doc.getElementsByTagName("rest");
        for (int i = 0; i < rests.getLength(); i++) {
            org.w3c.dom.Element rest = (org.w3c.dom.Element) rests.item(i);
            org.w3c.dom.NodeList packages = rest.getElementsByTagName("package");
            for (int j = 0; j < packages.getLength(); j++) {
                String pkg = packages.item(j).getTextContent().trim();
                products.merge(pkg, rest.getAttribute("application"), (a, b) -> a.equals(b) ? a : "both");
            }
        }
        products.values().removeIf("both"::equals);
        return products;
    }

    private static String join(String a, String b) {
        String left = a.startsWith("/") ? a : "/" + a;
        left = left.endsWith("/") ? left.substring(0, left.length() - 1) : left;
        return b.isEmpty() ? left : left + "/" + (b.startsWith("/") ? b.substring(1) : b);
    }
}
