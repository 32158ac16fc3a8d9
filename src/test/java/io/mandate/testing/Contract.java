package io.mandate.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The REST contract, docs/openapi.yaml, held against the REST tests' real traffic with Atlassian's
 * swagger-request-validator: every request a test sends to {@code /rest/mandate/1.0/**} through
 * {@link RunningHost.Http} (or the security tests' client) and the answer it gets. A violation is an
 * {@link AssertionError} naming the request, the answer and every problem, thrown where the test sent it.
 *
 * <p>Three kinds of check ({@link Check}): the whole exchange (the default); the answer only, for requests a test
 * makes outside the contract on purpose (the fuzz tests' malformed bodies and parameters) — their answers must
 * still be what the contract says a refusal is; and none, for the few requests refused by the servlet container
 * before the plugin sees them (an unparseable Content-Type), whose answer is Jetty's.
 *
 * <p>Two rules the validator does not know: a request without credentials is within the contract exactly when it
 * is answered 401 (the API's answer to it); and a request the contract has no operation for (another method, a
 * path segment too many) must be refused (4xx) when only the answer is checked — there is no answer of the contract
 * to compare it with. The spec is loaded once per JVM.
 */
public final class Contract {

    /** What of an exchange is checked. */
    public enum Check {
        /** The request and the answer. */
        FULL,
        /** The answer only: the request is outside the contract on purpose. */
        RESPONSE,
        /** Nothing: the container, not the API, answers (the request cannot even be parsed). */
        NONE
    }

    /** The API's base path under the product's context. */
    public static final String BASE = "/rest/mandate/1.0";
    public static final Path SPEC = Path.of("docs/openapi.yaml");

    /**
     * The reference host reads {@code ?locale=de} as the user's Jira language (docs/rest-api.md): a stand-in for a
     * user setting, not a parameter of the API, so it is taken off before the check.
     */
    private static final Set<String> HOST_PARAMETERS = Set.of("locale");
    private static final Set<String> SECURITY = Set.of("validation.request.security.missing", "validation.request.security.invalid");
    private static final Set<String> NO_OPERATION = Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

    private Contract() {
    }

    /** One request and its answer, as a test client saw them. */
    public record Exchange(String method, URI uri, Map<String, List<String>> requestHeaders, byte[] requestBody,
                           int status, Map<String, List<String>> responseHeaders, String responseBody) {
    }

    /** The spec, parsed once (references resolved). */
    public static OpenAPI api() {
        return Loaded.API;
    }

    /** Fails (AssertionError) when the exchange leaves the contract; nothing for URLs outside the API. */
    public static void check(Check check, Exchange exchange) {
        long started = System.nanoTime();
        List<String> problems = violations(check, exchange);
        if (apiPath(exchange.uri()).isPresent()) {
            Stats.record(check, System.nanoTime() - started); // the first includes loading the spec
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(describe(exchange, problems));
        }
        if (check == Check.FULL && exchange.status() >= 200 && exchange.status() < 300 && apiPath(exchange.uri()).isPresent()) {
            RestExamples.record(exchange);
        }
    }

    /** Every way the exchange leaves the contract (empty when it keeps to it, or is not an API call). */
    public static List<String> violations(Check check, Exchange e) {
        Optional<String> path = apiPath(e.uri());
        if (path.isEmpty() || check == Check.NONE) {
            return List.of();
        }
        Request.Method method = Request.Method.valueOf(e.method().toUpperCase(Locale.ROOT));
        SimpleResponse response = response(e);
        List<ValidationReport.Message> messages = new ArrayList<>();
        if (check == Check.FULL) {
            messages.addAll(Loaded.VALIDATOR.validate(request(method, path.get(), e), response).getMessages());
            if (e.status() == 401) {
                messages.removeIf(m -> SECURITY.contains(m.getKey()));
            }
        } else {
            messages.addAll(Loaded.VALIDATOR.validateResponse(path.get(), method, response).getMessages());
            if (e.status() >= 400 && e.status() < 500) {
                // an operation the contract lacks has no answers to check against: it must only be refused
                messages.removeIf(m -> NO_OPERATION.contains(m.getKey()));
            }
        }
        return messages.stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR).map(Contract::text).toList();
    }

    /** The path below {@link #BASE} ("/decisions/DEMO-1"), raw; empty for anything that is not an API call. */
    public static Optional<String> apiPath(URI uri) {
        String raw = uri.getRawPath();
        int at = raw == null ? -1 : raw.indexOf(BASE + "/");
        if (at < 0) {
            return raw != null && raw.endsWith(BASE) ? Optional.of("/") : Optional.empty();
        }
        return Optional.of(raw.substring(at + BASE.length()));
    }

    /** The query of a URI as decoded name → values, in order. */
    public static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a malformed escape: checked as it was sent
        }
    }

    private static SimpleRequest request(Request.Method method, String path, Exchange e) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(method, path);
        e.requestHeaders().forEach(b::withHeader);
        query(e.uri()).forEach((name, values) -> {
            if (!HOST_PARAMETERS.contains(name)) {
                b.withQueryParam(name, values);
            }
        });
        if (e.requestBody() != null) {
            b.withBody(e.requestBody());
        }
        return b.build();
    }

    private static SimpleResponse response(Exchange e) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(e.status());
        e.responseHeaders().forEach(b::withHeader);
        if (e.responseBody() != null && !e.responseBody().isEmpty()) {
            b.withBody(e.responseBody());
        }
        return b.build();
    }

    private static String text(ValidationReport.Message m) {
        StringBuilder s = new StringBuilder("[").append(m.getKey()).append("] ").append(m.getMessage());
        m.getContext().flatMap(ValidationReport.MessageContext::getPointers).ifPresent(p -> s.append(" (at ").append(p.getInstance()).append(')'));
        m.getNestedMessages().forEach(n -> s.append("\n      - ").append(n.getMessage()));
        return s.toString();
    }

    private static String describe(Exchange e, List<String> problems) {
        String body = e.responseBody() == null ? "" : e.responseBody();
        String sent = e.requestBody() == null ? "" : new String(e.requestBody(), StandardCharsets.UTF_8);
        return "The exchange leaves the REST contract (docs/openapi.yaml):\n  " + e.method() + " " + e.uri()
                + (sent.isEmpty() ? "" : "\n  sent: " + abbreviate(sent))
                + "\n  answered: " + e.status() + " " + e.responseHeaders().getOrDefault("content-type",
                e.responseHeaders().getOrDefault("Content-Type", List.of(""))) + " " + abbreviate(body)
                + "\n  problems:\n    " + String.join("\n    ", problems)
                + "\nFix the server, the test or the spec — whichever is wrong (a request outside the contract on purpose is"
                + " sent with Http.unchecked()).";
    }

    private static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "…(" + s.length() + " chars)" : s;
    }

    /**
     * How many exchanges were checked and how long the checks took, written to {@code target/contract-stats.txt}
     * when the test JVM ends (its standard output is gone by then).
     */
    private static final class Stats {
        private static final java.util.concurrent.atomic.AtomicLong FULL = new java.util.concurrent.atomic.AtomicLong();
        private static final java.util.concurrent.atomic.AtomicLong RESPONSE = new java.util.concurrent.atomic.AtomicLong();
        private static final java.util.concurrent.atomic.AtomicLong NANOS = new java.util.concurrent.atomic.AtomicLong();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.writeString(Path.of("target/contract-stats.txt"), String.format(
                            "Contract: %d exchanges checked whole, %d by their answer only, in %d ms (docs/openapi.yaml)%n",
                            FULL.get(), RESPONSE.get(), NANOS.get() / 1_000_000));
                } catch (java.io.IOException e) {
                    // the figure is for people; the tests have run
                }
            }));
        }

        static void record(Check check, long nanos) {
            if (check == Check.FULL) {
                FULL.incrementAndGet();
            } else if (check == Check.RESPONSE) {
                RESPONSE.incrementAndGet();
            }
            NANOS.addAndGet(nanos);
        }
    }

    /** Loaded on first use, once per JVM. */
    private static final class Loaded {
        static final OpenAPI API = parse();
        static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
                .createFor(forValidation(parse()))
                .withLevelResolver(LevelResolver.create()
                        // an unknown query parameter is a typo in a test or a parameter the spec misses
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                        .build())
                .build();

        private static String read() {
            try {
                return Files.readString(SPEC);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read " + SPEC.toAbsolutePath(), e);
            }
        }

        private static OpenAPI parse() {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            SwaggerParseResult result = new OpenAPIV3Parser().readContents(read(), null, options);
            if (result.getOpenAPI() == null || (result.getMessages() != null && !result.getMessages().isEmpty())) {
                throw new IllegalStateException(SPEC + " is not a valid OpenAPI document: " + result.getMessages());
            }
            return result.getOpenAPI();
        }

        /**
         * Two things OpenAPI 3.0 says that the validator does not do by itself: the document's {@code security}
         * applies to every operation that names none (the validator reads only the operation's own), and a
         * {@code nullable} schema made of {@code allOf}/{@code oneOf} (the 3.0 way to write "this type, or null")
         * admits null (the validator's JSON Schema would refuse null in every branch). So the validator gets the
         * document with the security copied into the operations, the shared responses in place, and each such schema written as
         * {@code anyOf: [the schema, null]}.
         */
        private static OpenAPI forValidation(OpenAPI api) {
            api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
                if (op.getSecurity() == null) {
                    op.setSecurity(api.getSecurity());
                }
                // the parser leaves references to components/responses for the validator, which reads none
                op.getResponses().replaceAll((status, r) -> r.get$ref() == null ? r
                        : api.getComponents().getResponses().get(r.get$ref().substring(r.get$ref().lastIndexOf('/') + 1)));
            }));
            java.util.Set<Schema<?>> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            api.getComponents().getSchemas().values().forEach(schema -> nullable(schema, seen));
            api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    op.getRequestBody().getContent().values().forEach(m -> nullable(m.getSchema(), seen));
                }
                if (op.getResponses() != null) {
                    op.getResponses().values().stream().filter(r -> r.getContent() != null)
                            .forEach(r -> r.getContent().values().forEach(m -> nullable(m.getSchema(), seen)));
                }
            }));
            return api;
        }

        @SuppressWarnings({"rawtypes", "unchecked"})
        private static void nullable(Schema<?> s, java.util.Set<Schema<?>> seen) {
            if (s == null || !seen.add(s)) {
                return;
            }
            if (s.getProperties() != null) {
                s.getProperties().values().forEach(p -> nullable(p, seen));
            }
            nullable(s.getItems(), seen);
            if (s.getAdditionalProperties() instanceof Schema<?> extra) {
                nullable(extra, seen);
            }
            for (List<Schema> parts : java.util.Arrays.asList(s.getAllOf(), s.getOneOf(), s.getAnyOf())) {
                if (parts != null) {
                    parts.forEach(p -> nullable(p, seen));
                }
            }
            boolean composed = s.getAllOf() != null || s.getOneOf() != null || s.getAnyOf() != null;
            if (Boolean.TRUE.equals(s.getNullable()) && s.getType() == null && s.get$ref() == null && composed) {
                Schema inner = new Schema();
                inner.setAllOf(s.getAllOf());
                inner.setOneOf(s.getOneOf());
                inner.setAnyOf(s.getAnyOf());
                Schema none = new Schema();
                none.setType("null");
                s.setAllOf(null);
                s.setOneOf(null);
                s.setAnyOf(new ArrayList<>(List.of(inner, none)));
                s.setNullable(null);
            }
        }
    }
}
