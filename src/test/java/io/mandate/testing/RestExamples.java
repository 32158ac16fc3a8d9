package io.mandate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Examples for the REST reference, taken from the integration tests' real traffic: every successful exchange that
 * kept to the contract ({@link Contract#check}) is written to {@code target/rest-examples/<operationId>/} (at most
 * {@link #PER_OPERATION} per operation, per JVM). {@link #curate} picks one per operation by a fixed rule and writes
 * it, host and port normalised, to {@code docs/rest-reference/examples/<operationId>.json} — the committed copy the
 * reference is rendered from, so the rendering depends on committed files only.
 */
public final class RestExamples {

    public static final Path RECORDED = Path.of("target/rest-examples");
    public static final Path CURATED = Path.of("docs/rest-reference/examples");
    /** Enough choice for the rule of {@link #curate}, little disk. */
    static final int PER_OPERATION = 40;
    /** The largest answer under this many characters makes the example: rich, yet readable. */
    static final int READABLE = 1800;
    private static final String SHOWN_BASE = "http://localhost:2990";
    /** The answer's headers the spec declares, kept with an example. */
    static final List<String> SHOWN_HEADERS = List.of("Location", "Content-Disposition");

    /** Indented two spaces, {@code "name": value} as people write it. */
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setDefaultPrettyPrinter(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
                    .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER)));

    private static final Map<String, Integer> COUNTS = new HashMap<>();
    private static boolean cleared;

    private RestExamples() {
    }

    /** One example: what was sent (the user by name only) and what came back ({@code headers}: those of {@link #SHOWN_HEADERS}). */
    public record Example(String operationId, String method, String target, String user, String contentType,
                          String requestBody, int status, String responseContentType, Map<String, String> headers,
                          String responseBody) {
    }

    /** The operation of the spec that serves a method and an API path ("/decisions/DEMO-1"). */
    public static Optional<String> operationId(String method, String apiPath) {
        OpenAPI api = Contract.api();
        for (Map.Entry<String, PathItem> p : api.getPaths().entrySet()) {
            if (template(p.getKey()).matcher(apiPath).matches()) {
                Operation op = p.getValue().readOperationsMap().get(PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)));
                return op == null ? Optional.empty() : Optional.ofNullable(op.getOperationId());
            }
        }
        return Optional.empty();
    }

    static Pattern template(String template) {
        return Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
    }

    static synchronized void record(Contract.Exchange e) {
        String path = Contract.apiPath(e.uri()).orElseThrow();
        Optional<String> id = operationId(e.method(), path);
        if (id.isEmpty() || COUNTS.merge(id.get(), 1, Integer::sum) > PER_OPERATION) {
            return;
        }
        try {
            if (!cleared) {
                clear(RECORDED);
                cleared = true;
            }
            Path dir = RECORDED.resolve(id.get());
            Files.createDirectories(dir);
            Example example = new Example(id.get(), e.method(), target(e.uri(), servedByBoth(e.method(), path)), user(e.requestHeaders()),
                    header(e.requestHeaders(), "Content-Type"),
                    e.requestBody() == null ? null : new String(e.requestBody(), StandardCharsets.UTF_8), e.status(),
                    header(e.responseHeaders(), "Content-Type"), shownHeaders(e.responseHeaders()), e.responseBody());
            Files.writeString(dir.resolve(String.format("%03d.json", COUNTS.get(id.get()))), JSON.writeValueAsString(example));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The path and query below the product's context, e.g. "/rest/mandate/1.0/decisions/DEMO-1"; with the context
     * ("/confluence/rest/mandate/1.0/backup") for an operation both products serve, so the example says which it was.
     */
    private static String target(URI uri, boolean withContext) {
        String raw = uri.getRawPath();
        String below = raw.substring(withContext ? contextStart(raw) : raw.indexOf(Contract.BASE));
        return below + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static int contextStart(String rawPath) {
        int base = rawPath.indexOf(Contract.BASE);
        int context = rawPath.lastIndexOf('/', base - 1);
        return context < 0 ? base : context;
    }

    /** Whether the operation has {@code x-product: both} (each product serves it with a resource of its own). */
    static boolean servedByBoth(String method, String apiPath) {
        for (Map.Entry<String, PathItem> p : Contract.api().getPaths().entrySet()) {
            if (template(p.getKey()).matcher(apiPath).matches()) {
                Operation op = p.getValue().readOperationsMap().get(PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)));
                return op != null && op.getExtensions() != null && "both".equals(op.getExtensions().get("x-product"));
            }
        }
        return false;
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty())
                .map(h -> h.getValue().get(0)).findFirst().orElse(null);
    }

    private static Map<String, String> shownHeaders(Map<String, List<String>> headers) {
        Map<String, String> shown = new java.util.TreeMap<>();
        for (String name : SHOWN_HEADERS) {
            String value = header(headers, name);
            if (value != null) {
                shown.put(name, value);
            }
        }
        return shown;
    }

    /** The username of Basic credentials; the password is never kept. */
    private static String user(Map<String, List<String>> headers) {
        String auth = header(headers, "Authorization");
        if (auth == null || !auth.startsWith("Basic ")) {
            return null;
        }
        String credentials = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
        return credentials.substring(0, Math.max(0, credentials.indexOf(':')));
    }

    /**
     * Picks one recorded example per operation — among the {@link #plain} ones if there are any, the largest answer
     * under {@link #READABLE} characters sent with a request under as many (else the smallest), ties by the request — and writes it to {@link #CURATED} with the host's address shown as the
     * reference host's default ({@value #SHOWN_BASE}) and JSON bodies indented. Operations without a recording keep
     * their committed example.
     */
    public static List<String> curate() throws IOException {
        List<String> written = new ArrayList<>();
        if (!Files.isDirectory(RECORDED)) {
            return written;
        }
        Files.createDirectories(CURATED);
        try (Stream<Path> dirs = Files.list(RECORDED)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                List<Example> recorded = new ArrayList<>();
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.sorted().toList()) {
                        recorded.add(JSON.readValue(f.toFile(), Example.class));
                    }
                }
                // the security tests' payloads (markup, SQL, emoji) are real traffic but poor examples
                List<Example> plain = recorded.stream().filter(RestExamples::plain).toList();
                List<Example> candidates = plain.isEmpty() ? recorded : plain;
                Comparator<Example> byRequest = Comparator.comparing(Example::target)
                        .thenComparing(x -> String.valueOf(x.requestBody()));
                Optional<Example> readable = candidates.stream()
                        .filter(x -> length(x) <= READABLE && (x.requestBody() == null || x.requestBody().length() <= READABLE))
                        .max(Comparator.comparingInt(RestExamples::length).thenComparing(byRequest.reversed()));
                Example chosen = readable.orElseGet(() -> candidates.stream()
                        .min(Comparator.comparingInt(RestExamples::length).thenComparing(byRequest)).orElseThrow());
                Files.writeString(CURATED.resolve(chosen.operationId() + ".json"), JSON.writeValueAsString(normalised(chosen)) + "\n");
                written.add(chosen.operationId());
            }
        }
        return written;
    }

    /** Printable ASCII only, and nothing of the XSS, SQL-injection and fuzz tests' payloads. */
    static boolean plain(Example x) {
        String all = x.target() + " " + x.requestBody() + " " + x.responseBody();
        String lower = all.toLowerCase(Locale.ROOT);
        return all.chars().allMatch(c -> c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7f))
                && Stream.of("<", ">", "xss", "1=1", "drop table", "--", "%").noneMatch(lower::contains);
    }

    private static int length(Example x) {
        return x.responseBody() == null ? 0 : x.responseBody().length();
    }

    private static Example normalised(Example x) {
        Map<String, String> headers = new java.util.TreeMap<>(x.headers());
        headers.computeIfPresent("Location", (name, url) -> url.replaceFirst("^https?://[^/]+", SHOWN_BASE));
        return new Example(x.operationId(), x.method(), x.target(), x.user(), x.contentType(), indented(x.requestBody()),
                x.status(), x.responseContentType(), headers, indented(x.responseBody()));
    }

    /** JSON indented two spaces, members in the server's order; anything else as it is. */
    static String indented(String body) {
        if (body == null || body.isBlank()) {
            return body;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node instanceof ObjectNode || node.isArray() ? JSON.writeValueAsString(node) : body;
        } catch (IOException notJson) {
            return body;
        }
    }

    /** The committed example of an operation, if there is one. */
    public static Optional<Example> curated(String operationId) throws IOException {
        Path f = CURATED.resolve(operationId + ".json");
        return Files.exists(f) ? Optional.of(JSON.readValue(f.toFile(), Example.class)) : Optional.empty();
    }

    private static void clear(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
