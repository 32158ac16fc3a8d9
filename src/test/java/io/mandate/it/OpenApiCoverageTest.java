package io.mandate.it;

import io.mandate.testing.Contract;
import io.mandate.testing.RestEndpoints;
import io.mandate.testing.RestEndpoints.Endpoint;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.junit.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * docs/openapi.yaml and the resource classes name the same endpoints: every resource method ({@link RestEndpoints},
 * read from the compiled plugin) has its path and method in the spec, with the same query parameters and a request
 * body exactly when it reads one; and every operation of the spec is served by a resource method. So an endpoint
 * cannot be added, removed or given a parameter without the contract saying so (the REST tests then hold its traffic
 * against it, {@link Contract}).
 */
public class OpenApiCoverageTest {

    /** method + path template → the spec's operation. */
    private static Map<String, Operation> operations(OpenAPI api) {
        Map<String, Operation> ops = new TreeMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, op) -> ops.put(method.name() + " " + path, op)));
        return ops;
    }

    private static Set<String> queryParameters(OpenAPI api, String template, Operation op) {
        PathItem item = api.getPaths().get(template);
        List<Parameter> all = new ArrayList<>();
        if (item.getParameters() != null) {
            all.addAll(item.getParameters());
        }
        if (op.getParameters() != null) {
            all.addAll(op.getParameters());
        }
        Set<String> names = new TreeSet<>();
        for (Parameter p : all) {
            Parameter resolved = p.get$ref() == null ? p
                    : api.getComponents().getParameters().get(p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1));
            if ("query".equals(resolved.getIn())) {
                names.add(resolved.getName());
            }
        }
        return names;
    }

    private static List<String> problems(List<Endpoint> endpoints, OpenAPI api) {
        Map<String, Operation> ops = operations(api);
        List<String> problems = new ArrayList<>();
        Set<String> served = new TreeSet<>();
        for (Endpoint e : endpoints) {
            String key = e.method() + " " + e.template();
            served.add(key);
            Operation op = ops.get(key);
            if (op == null) {
                problems.add(key + ": served by " + e.javaMethod().getDeclaringClass().getSimpleName() + "." + e.javaMethod().getName()
                        + " but not in docs/openapi.yaml");
                continue;
            }
            Set<String> specQuery = queryParameters(api, e.template(), op);
            if (!specQuery.equals(e.queryParameters())) {
                problems.add(key + ": query parameters " + e.queryParameters() + " in the resource, " + specQuery + " in the spec");
            }
            if (e.readsBody() != (op.getRequestBody() != null)) {
                problems.add(key + ": " + (e.readsBody() ? "reads a request body the spec does not describe"
                        : "the spec describes a request body the resource does not read"));
            }
        }
        ops.keySet().stream().filter(k -> !served.contains(k))
                .forEach(k -> problems.add(k + ": in docs/openapi.yaml but no resource method serves it"));
        return problems;
    }

    @Test
    public void everyResourceMethodIsInTheSpecAndEveryOperationOfTheSpecIsServed() {
        List<Endpoint> endpoints = RestEndpoints.all();
        assertTrue("the scan finds the resources: " + endpoints, endpoints.size() >= 25);
        assertEquals("docs/openapi.yaml against the resource classes", List.of(), problems(endpoints, Contract.api()));
    }

    @Test
    public void everyOperationHasAnIdATagAndWhoMayCallIt() {
        List<String> missing = new ArrayList<>();
        operations(Contract.api()).forEach((key, op) -> {
            if (op.getOperationId() == null || op.getTags() == null || op.getTags().isEmpty() || op.getSummary() == null
                    || op.getExtensions() == null || !op.getExtensions().containsKey("x-access")) {
                missing.add(key);
            }
        });
        assertEquals("operations without operationId, tag, summary or x-access", List.of(), missing);
    }

    /**
     * Each operation says which product serves it ({@code x-product}, Jira when absent; {@code both} for a path each
     * product serves with a resource of its own, such as {@code /backup}), as the descriptor's {@code <rest>} modules do.
     */
    @Test
    public void everyOperationNamesTheProductThatServesIt() {
        Map<String, Set<String>> servedBy = new TreeMap<>();
        for (Endpoint e : RestEndpoints.all()) {
            servedBy.computeIfAbsent(e.method() + " " + e.template(), k -> new TreeSet<>()).add(e.product());
        }
        List<String> wrong = new ArrayList<>();
        Map<String, io.swagger.v3.oas.models.Operation> ops = operations(Contract.api());
        servedBy.forEach((key, products) -> {
            io.swagger.v3.oas.models.Operation op = ops.get(key);
            Object declared = op == null || op.getExtensions() == null ? null : op.getExtensions().get("x-product");
            String product = declared == null ? "jira" : declared.toString();
            Set<String> expected = product.equals("both") ? Set.of("confluence", "jira") : Set.of(product);
            if (op != null && !expected.equals(products)) {
                wrong.add(key + ": x-product " + product + ", served by " + products);
            }
        });
        assertEquals(List.of(), wrong);
        assertEquals("the backup is both products'", Set.of("confluence", "jira"), servedBy.get("GET /backup"));
    }

    /** The control: an endpoint the spec lacks, a parameter it lacks and a path no resource serves are all reported. */
    @Test
    public void aMissingEndpointAParameterAndAnUnservedPathAreFound() throws Exception {
        List<Endpoint> endpoints = new ArrayList<>(RestEndpoints.all());
        java.lang.reflect.Method anyGet = Stream.of(io.mandate.authority.GrantResource.class.getDeclaredMethods())
                .filter(m -> m.getName().equals("get")).findFirst().orElseThrow();
        endpoints.add(new Endpoint("PATCH", "/grants/{grantId}", anyGet));
        Endpoint list = endpoints.stream().filter(e -> e.method().equals("GET") && e.template().equals("/decisions")).findFirst().orElseThrow();
        endpoints.remove(list);
        endpoints.add(new Endpoint("GET", "/decisions", StubResource.class.getDeclaredMethod("list", String.class)));
        endpoints.removeIf(e -> e.template().equals("/absences/{id}") && e.method().equals("DELETE"));
        List<String> problems = problems(endpoints, Contract.api());
        assertTrue(problems.toString(), problems.stream().anyMatch(p -> p.startsWith("PATCH /grants/{grantId}: served by")));
        assertTrue(problems.toString(), problems.stream().anyMatch(p -> p.startsWith("GET /decisions: query parameters [colour]")));
        assertTrue(problems.toString(), problems.stream().anyMatch(p -> p.startsWith("DELETE /absences/{id}: in docs/openapi.yaml but no resource")));
        assertEquals(problems.toString(), 3, problems.size());
    }

    /** A resource method with a query parameter the spec does not have. */
    static final class StubResource {
        @javax.ws.rs.GET
        public String list(@javax.ws.rs.QueryParam("colour") String colour) {
            return colour.toLowerCase(Locale.ROOT);
        }
    }
}
