package io.mandate.testing;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.QueryParam;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every REST endpoint of the compiled plugin: each {@code @Path} class under {@code io.mandate} in target/classes, each
 * of its methods with an HTTP method annotation, as method and path template below the API's base — read from the
 * bytecode, so the access tables (AccessCoverageTest) and the contract (OpenApiCoverageTest) cannot miss one.
 */
public final class RestEndpoints {

    private RestEndpoints() {
    }

    /** One resource method: {@code GET /decisions/{issueKey}}, with what it reads from the request. */
    public record Endpoint(String method, String template, Method javaMethod) {

        /** The request targets (below the base path) this endpoint serves, with or without a query. */
        public Pattern pattern(String base) {
            String regex = Pattern.quote(base + template).replaceAll("\\{[^}]+}", "\\\\E[^/?]+\\\\Q");
            return Pattern.compile(regex + "(\\?.*)?");
        }

        /** The names of its {@code @QueryParam}s. */
        public Set<String> queryParameters() {
            Set<String> names = new TreeSet<>();
            for (Parameter p : javaMethod.getParameters()) {
                QueryParam q = p.getAnnotation(QueryParam.class);
                if (q != null) {
                    names.add(q.value());
                }
            }
            return names;
        }

        /**
         * The product that serves it: the {@code application} of the {@code <rest>} module in atlassian-plugin.xml
         * whose packages hold its resource class ({@code jira} or {@code confluence}).
         */
        public String product() {
            String product = restPackages().get(javaMethod.getDeclaringClass().getPackageName());
            if (product == null) {
                throw new IllegalStateException("The package of " + javaMethod.getDeclaringClass().getName()
                        + " is in no <rest> module of one product");
            }
            return product;
        }

        /** Whether it reads a request body (the raw stream every body-taking resource method reads). */
        public boolean readsBody() {
            return Arrays.stream(javaMethod.getParameterTypes()).anyMatch(InputStream.class::equals);
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** Every resource method of the compiled plugin (target/classes), sorted by path and method. */
    public static List<Endpoint> all() {
        try {
            java.nio.file.Path root = Paths.get(io.mandate.platform.People.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<Endpoint> endpoints = new ArrayList<>();
            try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("io/mandate"))) {
                for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                    String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                    Class<?> type = Class.forName(name, false, RestEndpoints.class.getClassLoader());
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
                        endpoints.add(new Endpoint(http, join(classPath.value(), sub == null ? "" : sub.value()), m));
                    }
                }
            }
            endpoints.sort(Comparator.comparing(Endpoint::template).thenComparing(Endpoint::method));
            return endpoints;
        } catch (IOException | URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read the resource classes", e);
        }
    }

    /**
     * The packages of atlassian-plugin.xml's {@code <rest>} modules, each with its module's application; a package
     * both products' modules list (the shared exception mapper) holds no resource and is left out.
     */
    static java.util.Map<String, String> restPackages() {
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            org.w3c.dom.Document doc = factory.newDocumentBuilder().parse(new java.io.File("atlassian-plugin.xml"));
            java.util.Map<String, String> products = new java.util.TreeMap<>();
            org.w3c.dom.NodeList rests = doc.getElementsByTagName("rest");
            for (int i = 0; i < rests.getLength(); i++) {
                org.w3c.dom.Element rest = (org.w3c.dom.Element) rests.item(i);
                org.w3c.dom.NodeList packages = rest.getElementsByTagName("package");
                for (int j = 0; j < packages.getLength(); j++) {
                    products.merge(packages.item(j).getTextContent().trim(), rest.getAttribute("application"),
                            (a, b) -> a.equals(b) ? a : "both");
                }
            }
            products.values().removeIf("both"::equals);
            return products;
        } catch (Exception e) {
            throw new IllegalStateException("atlassian-plugin.xml cannot be read", e);
        }
    }

    private static String join(String a, String b) {
        String left = a.startsWith("/") ? a : "/" + a;
        left = left.endsWith("/") ? left.substring(0, left.length() - 1) : left;
        return b.isEmpty() ? left : left + "/" + (b.startsWith("/") ? b.substring(1) : b);
    }
}
