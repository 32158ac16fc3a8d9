package io.mandate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The REST reference for people, rendered as Markdown from docs/openapi.yaml and the examples recorded from the
 * integration tests' traffic ({@link RestExamples}): one section per tag and operation (who may call it, parameters,
 * body, answers, an example request and answer) and one per schema. Deterministic — the same spec and examples give
 * the same text — so RestReferenceTest can fail when the committed docs/rest-reference/README.md is stale.
 */
public final class RestReference {

    static final String SHOWN_SERVER = "http://localhost:2990/jira";
    /** Where the examples of an operation served by Confluence ({@code x-product: confluence}) were sent. */
    static final String SHOWN_CONFLUENCE = "http://localhost:2990/confluence";
    private static final int EXAMPLE_LINES = 40;

    private final OpenAPI api;
    private final Function<String, Optional<RestExamples.Example>> examples;
    private final StringBuilder out = new StringBuilder();

    private RestReference(OpenAPI api, Function<String, Optional<RestExamples.Example>> examples) {
        this.api = api;
        this.examples = examples;
    }

    /** The whole reference; {@code examples} gives the example of an operation id. */
    public static String render(OpenAPI api, Function<String, Optional<RestExamples.Example>> examples) {
        return new RestReference(api, examples).document();
    }

    /** The reference from the committed spec and examples. */
    public static String render() {
        return render(Contract.api(), id -> {
            try {
                return RestExamples.curated(id);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private String document() {
        line("# " + api.getInfo().getTitle() + " " + api.getInfo().getVersion() + " — reference");
        line();
        line("<!-- Rendered from docs/openapi.yaml and docs/rest-reference/examples/ by io.mandate.testing.RestReference;");
        line("     do not edit: RestReferenceTest fails when this file is stale (it says how to render it again). -->");
        line();
        line("The contract is [docs/openapi.yaml](../openapi.yaml); the explanations are in [docs/rest-api.md](../rest-api.md).");
        line("Every example below is a real request of the integration tests and the server's answer to it, recorded while");
        line("they ran against the reference host (`" + SHOWN_SERVER + "`, and `" + SHOWN_CONFLUENCE
                + "` for the operations Confluence serves; users' passwords are their usernames there).");
        line();
        line(api.getInfo().getDescription().strip());
        line();
        line("Authentication, one of:");
        line();
        api.getComponents().getSecuritySchemes().forEach((name, scheme) -> line("- `" + name + "`: " + scheme.getDescription()));
        line();
        line("## Endpoints");
        line();
        for (Tag tag : api.getTags()) {
            line("- [" + tag.getName() + "](#" + anchor(tag.getName()) + ")");
            for (Op op : operations(tag.getName())) {
                line("  - [" + op.title() + "](#" + anchor(op.title()) + ") — " + op.operation().getSummary());
            }
        }
        line("- [Schemas](#schemas)");
        line();
        for (Tag tag : api.getTags()) {
            line("## " + tag.getName());
            line();
            line(tag.getDescription());
            line();
            for (Op op : operations(tag.getName())) {
                operation(op);
            }
        }
        schemas();
        return out.toString().replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }

    private record Op(String method, String path, PathItem item, Operation operation) {
        String title() {
            return method + " " + path;
        }
    }

    private List<Op> operations(String tag) {
        List<Op> ops = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            if (op.getTags() != null && op.getTags().contains(tag)) {
                ops.add(new Op(method.name(), path, item, op));
            }
        }));
        return ops;
    }

    private void operation(Op op) {
        Operation o = op.operation();
        line("### " + op.title());
        line();
        line("**" + o.getSummary() + ".** Who: " + o.getExtensions().get("x-access") + ". Operation `" + o.getOperationId() + "`.");
        line();
        if (o.getDescription() != null) {
            line(o.getDescription().strip());
            line();
        }
        List<Parameter> parameters = new ArrayList<>();
        if (op.item().getParameters() != null) {
            parameters.addAll(op.item().getParameters());
        }
        if (o.getParameters() != null) {
            parameters.addAll(o.getParameters());
        }
        if (!parameters.isEmpty()) {
            line("| parameter | in | type | description |");
            line("|---|---|---|---|");
            for (Parameter p : parameters) {
                Parameter r = resolve(p);
                line("| `" + r.getName() + "`" + (Boolean.TRUE.equals(r.getRequired()) ? " (required)" : "") + " | " + r.getIn()
                        + " | " + type(r.getSchema()) + " | " + cell(r.getDescription()) + " |");
            }
            line();
        }
        if (o.getRequestBody() != null) {
            line("Request body: " + o.getRequestBody().getContent().entrySet().stream()
                    .map(e -> "`" + e.getKey() + "` " + type(e.getValue().getSchema())).collect(Collectors.joining("; ")) + ".");
            line();
        }
        line("| status | answer | when |");
        line("|---|---|---|");
        o.getResponses().forEach((status, response) -> {
            ApiResponse r = resolve(response);
            String body = r.getContent() == null ? "—" : r.getContent().entrySet().stream()
                    .map(e -> "`" + e.getKey() + "` " + type(e.getValue().getSchema())).collect(Collectors.joining("; "));
            String headers = r.getHeaders() == null ? "" : r.getHeaders().keySet().stream()
                    .map(h -> ", header `" + h + "`").collect(Collectors.joining());
            line("| " + status + " | " + body + headers + " | " + cell(r.getDescription()) + " |");
        });
        line();
        String server = o.getExtensions() != null && "confluence".equals(o.getExtensions().get("x-product")) ? SHOWN_CONFLUENCE : SHOWN_SERVER;
        examples.apply(o.getOperationId()).ifPresentOrElse(x -> example(x, server), () -> {
            line("_No example recorded yet._");
            line();
        });
    }

    private void example(RestExamples.Example x, String server) {
        line("Example:");
        line();
        line("```bash");
        StringBuilder curl = new StringBuilder("curl");
        if (x.user() != null) {
            curl.append(" -u ").append(x.user()).append(':').append(x.user());
        }
        if (!x.method().equals("GET")) {
            curl.append(" -X ").append(x.method());
        }
        boolean csv = x.contentType() != null && x.contentType().startsWith("text/");
        if (x.contentType() != null) {
            curl.append(" -H 'Content-Type: ").append(x.contentType()).append('\'');
        }
        if (x.requestBody() != null && !x.requestBody().isEmpty()) {
            curl.append(csv ? " --data-binary @matrix.csv" : " \\\n  -d '" + compact(x.requestBody()).replace("'", "'\\''") + "'");
        }
        // an operation both products serve keeps the product's context in its example's target
        String url = x.target().startsWith(Contract.BASE) ? server + x.target() : server.substring(0, server.lastIndexOf('/')) + x.target();
        curl.append(" \\\n  '").append(url).append('\'');
        line(curl.toString());
        line("```");
        line();
        if (csv && x.requestBody() != null) {
            line("`matrix.csv`:");
            line();
            fenced("csv", x.requestBody());
        }
        line("Answer: **" + x.status() + "**" + (x.responseContentType() == null ? "" : " `" + x.responseContentType() + "`")
                + x.headers().entrySet().stream().map(h -> ", `" + h.getKey() + ": " + h.getValue() + "`").collect(Collectors.joining()));
        line();
        if (x.responseBody() != null && !x.responseBody().isEmpty()) {
            boolean json = x.responseContentType() != null && x.responseContentType().startsWith("application/json");
            fenced(json ? "json" : "csv", x.responseBody());
        }
    }

    private void fenced(String language, String text) {
        List<String> lines = text.strip().lines().toList();
        line("```" + language);
        lines.stream().limit(EXAMPLE_LINES).forEach(this::line);
        if (lines.size() > EXAMPLE_LINES) {
            line("… (" + (lines.size() - EXAMPLE_LINES) + " more lines)");
        }
        line("```");
        line();
    }

    private static String compact(String body) {
        try {
            JsonNode node = RestExamples.JSON.readTree(body);
            return node.toString();
        } catch (IOException notJson) {
            return body;
        }
    }

    private void schemas() {
        line("## Schemas");
        line();
        for (Map.Entry<String, Schema> e : api.getComponents().getSchemas().entrySet()) {
            Schema<?> s = e.getValue();
            line("### " + e.getKey());
            line();
            if (s.getDescription() != null) {
                line(s.getDescription().strip());
                line();
            }
            if (s.getProperties() == null || s.getProperties().isEmpty()) {
                line("Type: " + type(s, false) + ".");
                line();
                continue;
            }
            Set<String> required = s.getRequired() == null ? Set.of() : new TreeSet<>(s.getRequired());
            line("| field | type | description |");
            line("|---|---|---|");
            s.getProperties().forEach((name, p) -> line("| `" + name + "`" + (required.contains(name) ? " (required)" : "")
                    + " | " + type(p) + " | " + cell(p.getDescription()) + " |"));
            line();
            line(Boolean.FALSE.equals(s.getAdditionalProperties()) ? "No other fields." : "Other fields may appear.");
            line();
        }
    }

    private String type(Schema<?> s) {
        return type(s, true);
    }

    /** A schema in a few words: links to named schemas, the format, the range, the values, whether null is allowed. */
    @SuppressWarnings("rawtypes")
    private String type(Schema<?> s, boolean link) {
        if (s == null) {
            return "any";
        }
        if (s.get$ref() != null) {
            String name = s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1);
            return link ? "[" + name + "](#" + anchor(name) + ")" : name;
        }
        List<String> words = new ArrayList<>();
        if (s.getAllOf() != null || s.getOneOf() != null || s.getAnyOf() != null) {
            List<Schema> parts = s.getAllOf() != null ? s.getAllOf() : s.getOneOf() != null ? s.getOneOf() : s.getAnyOf();
            words.add(parts.stream().map(p -> type(p, true)).collect(Collectors.joining(s.getAllOf() != null ? " and " : " or ")));
        } else if ("array".equals(s.getType())) {
            words.add("array of " + type(s.getItems(), true));
        } else if ("object".equals(s.getType()) && s.getAdditionalProperties() instanceof Schema<?> values) {
            words.add("object of name → " + type(values, true));
        } else if (s.getType() != null) {
            words.add(s.getType() + (s.getFormat() != null ? " (" + s.getFormat() + ")" : ""));
        } else {
            words.add("any");
        }
        if (s.getEnum() != null) {
            words.add("one of " + s.getEnum().stream().map(v -> "`" + v + "`").collect(Collectors.joining(", ")));
        }
        if (s.getMinimum() != null || s.getMaximum() != null) {
            words.add((s.getMinimum() == null ? "…" : s.getMinimum().toPlainString()) + "–"
                    + (s.getMaximum() == null ? "…" : s.getMaximum().toPlainString()));
        }
        if (s.getMaxLength() != null) {
            words.add("at most " + s.getMaxLength() + " characters");
        }
        if (s.getMaxItems() != null) {
            words.add("at most " + s.getMaxItems() + " items");
        }
        if (s.getPattern() != null) {
            words.add("matching `" + s.getPattern().replace("|", "\\|") + "`");
        }
        if (s.getDefault() != null) {
            words.add("default `" + s.getDefault() + "`");
        }
        if (Boolean.TRUE.equals(s.getNullable())) {
            words.add("or null");
        }
        return String.join(", ", words);
    }

    private Parameter resolve(Parameter p) {
        return p.get$ref() == null ? p : api.getComponents().getParameters().get(name(p.get$ref()));
    }

    private ApiResponse resolve(ApiResponse r) {
        return r.get$ref() == null ? r : api.getComponents().getResponses().get(name(r.get$ref()));
    }

    private static String name(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** Text for a table cell: one line, pipes escaped. */
    private static String cell(String text) {
        return text == null ? "" : text.strip().replace("\n", " ").replace("|", "\\|");
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, blanks as hyphens. */
    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    private void line() {
        out.append('\n');
    }
}
