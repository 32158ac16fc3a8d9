package io.mandate.it;

import io.mandate.testing.Contract;
import io.mandate.testing.RestExamples;
import io.mandate.testing.RestReference;
import org.junit.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The committed REST reference, docs/rest-reference/README.md, is what {@link RestReference} renders from
 * docs/openapi.yaml and the committed examples (docs/rest-reference/examples/), every operation has an example, and
 * every example — a real exchange of the integration tests — still keeps to the contract.
 *
 * <p>To render it again after changing the spec:
 * <pre>mvn -B -o test -Dtest=RestReferenceTest -Dmandate.restReference.write=true</pre>
 * and to take fresh examples from the traffic of an integration test run (which records them into
 * target/rest-examples/):
 * <pre>mvn -B -o verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false
 * mvn -B -o test -Dtest=RestReferenceTest -Dmandate.restExamples.update=true -Dmandate.restReference.write=true</pre>
 */
public class RestReferenceTest {

    static final Path REFERENCE = Path.of("docs/rest-reference/README.md");

    /** On request, before any test reads them: fresh examples from the last integration test run, then the rendering. */
    @org.junit.BeforeClass
    public static void updateOnRequest() throws Exception {
        if (Boolean.getBoolean("mandate.restExamples.update")) {
            System.out.println("RestReferenceTest: examples taken from target/rest-examples: " + RestExamples.curate());
        }
        if (Boolean.getBoolean("mandate.restReference.write")) {
            Files.createDirectories(REFERENCE.getParent());
            Files.writeString(REFERENCE, RestReference.render(), StandardCharsets.UTF_8);
        }
    }

    @Test
    public void theCommittedReferenceIsTheRenderingOfTheSpecAndItsExamples() throws Exception {
        String rendered = RestReference.render();
        String committed = Files.exists(REFERENCE) ? Files.readString(REFERENCE, StandardCharsets.UTF_8) : "";
        assertEquals(REFERENCE + " is stale: render it again with\n"
                + "  mvn -B -o test -Dtest=RestReferenceTest -Dmandate.restReference.write=true\n", rendered, committed);
    }

    @Test
    public void everyOperationHasAnExampleThatKeepsToTheContract() throws Exception {
        List<String> problems = new ArrayList<>();
        Contract.api().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            try {
                RestExamples.Example x = RestExamples.curated(op.getOperationId()).orElse(null);
                if (x == null) {
                    problems.add(op.getOperationId() + ": no example in " + RestExamples.CURATED);
                    return;
                }
                if (!x.method().equals(method.name()) || !RestExamples.operationId(x.method(), Contract.apiPath(java.net.URI.create(x.target())).orElse(""))
                        .equals(java.util.Optional.of(op.getOperationId()))) {
                    problems.add(op.getOperationId() + ": the example is a request of another operation: " + x.method() + " " + x.target());
                }
                List<String> violations = Contract.violations(Contract.Check.FULL, exchange(x));
                if (!violations.isEmpty()) {
                    problems.add(op.getOperationId() + ": the example leaves the contract: " + violations);
                }
            } catch (java.io.IOException e) {
                problems.add(op.getOperationId() + ": " + e);
            }
        }));
        assertEquals("examples (take fresh ones from an integration test run, see this class)", List.of(), problems);
    }

    @Test
    public void theReferenceLinksEverySchemaItMentions() {
        String rendered = RestReference.render();
        java.util.regex.Matcher links = java.util.regex.Pattern.compile("\\]\\(#([a-z0-9_-]+)\\)").matcher(rendered);
        List<String> dangling = new ArrayList<>();
        while (links.find()) {
            String target = links.group(1);
            boolean found = rendered.lines().filter(l -> l.startsWith("#"))
                    .anyMatch(l -> anchorOf(l.replaceFirst("^#+ ", "")).equals(target));
            if (!found) {
                dangling.add(target);
            }
        }
        assertTrue("links to no heading: " + dangling, dangling.isEmpty());
    }

    private static String anchorOf(String heading) {
        return heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static Contract.Exchange exchange(RestExamples.Example x) {
        Map<String, List<String>> sent = new java.util.LinkedHashMap<>();
        if (x.user() != null) {
            sent.put("Authorization", List.of("Basic " + java.util.Base64.getEncoder()
                    .encodeToString((x.user() + ":" + x.user()).getBytes(StandardCharsets.UTF_8))));
        }
        if (x.contentType() != null) {
            sent.put("Content-Type", List.of(x.contentType()));
        }
        Map<String, List<String>> answered = new java.util.LinkedHashMap<>();
        if (x.responseContentType() != null) {
            answered.put("Content-Type", List.of(x.responseContentType()));
        }
        x.headers().forEach((name, value) -> answered.put(name, List.of(value)));
        return new Contract.Exchange(x.method(), java.net.URI.create((x.target().startsWith(Contract.BASE) ? "http://localhost:2990/jira" : "http://localhost:2990") + x.target()), sent,
                x.requestBody() == null ? null : x.requestBody().getBytes(StandardCharsets.UTF_8), x.status(), answered, x.responseBody());
    }
}
