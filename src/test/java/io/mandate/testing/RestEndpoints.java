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

    private static String join(String a, String b) {
        String left = a.startsWith("/") ? a : "/" + a;
        left = left.endsWith("/") ? left.substring(0, left.length() - 1) : left;
        return b.isEmpty() ? left : left + "/" + (b.startsWith("/") ? b.substring(1) : b);
    }
}
