package io.mandate.testing;

import org.junit.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The contract check itself ({@link Contract}), on exchanges written out here: what keeps to docs/openapi.yaml
 * passes, and each way of leaving it is caught — so the integration tests' checks can fail.
 */
public class ContractTest {

    private static final String JIRA = "http://localhost:2990/jira";
    private static final Map<String, List<String>> ALICE = Map.of("Authorization", List.of("Basic YWxpY2U6YWxpY2U="),
            "Accept", List.of("application/json"));
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
    private static final String DECISION = "{\"issueKey\":\"DEMO-1\",\"summary\":\"Choose the message broker\",\"status\":\"IN_PROGRESS\","
            + "\"driver\":{\"key\":\"JIRAUSER10001\",\"name\":\"alice\",\"displayName\":\"Alice Adams\",\"state\":\"active\"},"
            + "\"approver\":{\"key\":\"JIRAUSER10003\",\"name\":\"carol\",\"displayName\":\"Carol Clark\",\"state\":\"active\"},"
            + "\"contributors\":[],\"informed\":[{\"type\":\"group\",\"name\":\"developers\"}],\"dueDate\":\"2026-12-01\","
            + "\"reviewDate\":null,\"outcome\":null,\"domain\":null,\"domainSetByHand\":false,\"decidedAt\":null,"
            + "\"created\":\"2026-11-24T18:13:00.336Z\",\"updated\":\"2026-11-24T18:13:00.336Z\",\"version\":1,"
            + "\"checks\":{\"authorityViolation\":false,\"consultationGap\":false,\"overdue\":false,\"dueForReview\":false}}";

    private static Contract.Exchange exchange(String method, String path, Map<String, List<String>> headers, String sent,
                                              int status, String answer) {
        return new Contract.Exchange(method, URI.create(JIRA + "/rest/mandate/1.0" + path), headers,
                sent == null ? null : sent.getBytes(StandardCharsets.UTF_8), status, answer == null ? Map.of() : JSON, answer);
    }

    private static List<String> full(Contract.Exchange e) {
        return Contract.violations(Contract.Check.FULL, e);
    }

    private static void assertViolation(String key, List<String> violations) {
        assertTrue("expected [" + key + "] among " + violations, violations.stream().anyMatch(v -> v.startsWith("[" + key)));
    }

    @Test
    public void aDecisionAsTheServerAnswersItKeepsToTheContract() {
        assertEquals(List.of(), full(exchange("GET", "/decisions/DEMO-1", ALICE, null, 200, DECISION)));
    }

    @Test
    public void aMissingRequiredFieldInAnAnswerIsCaught() {
        assertViolation("validation.response.body.schema.required",
                full(exchange("GET", "/decisions/DEMO-1", ALICE, null, 200, DECISION.replace("\"version\":1,", ""))));
    }

    @Test
    public void aFieldTheSpecDoesNotNameIsCaught() {
        assertViolation("validation.response.body.schema.additionalProperties",
                full(exchange("GET", "/decisions/DEMO-1", ALICE, null, 200, DECISION.replace("{\"issueKey\"", "{\"colour\":1,\"issueKey\""))));
    }

    @Test
    public void aStatusOutsideTheEnumIsCaught() {
        assertViolation("validation.response.body.schema.enum",
                full(exchange("GET", "/decisions/DEMO-1", ALICE, null, 200, DECISION.replace("IN_PROGRESS", "WAITING"))));
    }

    @Test
    public void aDateThatIsNoDateIsCaught() {
        assertViolation("validation.response.body.schema.format",
                full(exchange("GET", "/decisions/DEMO-1", ALICE, null, 200, DECISION.replace("2026-12-01", "1 December"))));
    }

    @Test
    public void nullWhereTheSpecSaysNullableIsFineAndElsewhereNot() {
        assertEquals(List.of(), full(exchange("GET", "/decisions/DEMO-1", ALICE, null, 200,
                DECISION.replaceFirst("\"approver\":\\{[^}]+}", "\"approver\":null"))));
        assertViolation("validation.response.body.schema",
                full(exchange("GET", "/decisions/DEMO-1", ALICE, null, 200, DECISION.replace("\"version\":1", "\"version\":null"))));
    }

    @Test
    public void aStatusTheOperationDoesNotDeclareIsCaught() {
        assertViolation("validation.response.status.unknown",
                full(exchange("GET", "/decisions/DEMO-1", ALICE, null, 500, "{\"message\":\"Internal server error\",\"errors\":{}}")));
        assertViolation("validation.response.status.unknown",
                full(exchange("GET", "/decisions/DEMO-1", ALICE, null, 409, "{\"message\":\"x\",\"errors\":{}}")));
    }

    @Test
    public void anErrorOutOfShapeIsCaught() {
        assertEquals(List.of(), full(exchange("GET", "/decisions/NOPE-1", ALICE, null, 404, "{\"message\":\"No issue NOPE-1.\",\"errors\":{}}")));
        assertViolation("validation.response.body.schema.required",
                full(exchange("GET", "/decisions/NOPE-1", ALICE, null, 404, "{\"errorMessages\":[\"No issue\"],\"errors\":{}}")));
    }

    @Test
    public void aRequestBodyOutsideTheContractIsCaught() {
        Map<String, List<String>> put = Map.of("Authorization", ALICE.get("Authorization"), "Content-Type", List.of("application/json"));
        assertEquals(List.of(), full(exchange("PUT", "/decisions/DEMO-1", put, "{\"status\":\"OPEN\"}", 200, DECISION)));
        assertViolation("validation.request.body.schema.additionalProperties",
                full(exchange("PUT", "/decisions/DEMO-1", put, "{\"status\":\"OPEN\",\"colour\":\"red\"}", 200, DECISION)));
        assertViolation("validation.request.body.schema",
                full(exchange("PUT", "/decisions/DEMO-1", put, "{\"dueDate\":\"tomorrow\"}", 200, DECISION)));
    }

    @Test
    public void anUnknownQueryParameterIsCaughtButTheHostsLocaleIsNot() {
        String page = "{\"startAt\":0,\"maxResults\":50,\"total\":0,\"values\":[]}";
        assertEquals(List.of(), full(exchange("GET", "/decisions?project=DEMO&locale=de", ALICE, null, 200, page)));
        assertViolation("validation.request.parameter.query.unexpected",
                full(exchange("GET", "/decisions?projct=DEMO", ALICE, null, 200, page)));
        assertViolation("validation.request.parameter.schema.maximum",
                full(exchange("GET", "/decisions?maxResults=1001", ALICE, null, 200, page)));
    }

    @Test
    public void aPathTheSpecDoesNotHaveIsCaught() {
        assertViolation("validation.request.path.missing",
                full(exchange("GET", "/decisionz/DEMO-1", ALICE, null, 404, "{\"message\":\"x\",\"errors\":{}}")));
        assertViolation("validation.request.operation.notAllowed",
                full(exchange("POST", "/decisions/DEMO-1", ALICE, null, 405, "{\"message\":\"x\",\"errors\":{}}")));
    }

    @Test
    public void withoutCredentialsOnly401KeepsToTheContract() {
        Map<String, List<String>> anonymous = Map.of("Accept", List.of("application/json"));
        assertEquals(List.of(), full(exchange("GET", "/decisions/DEMO-1", anonymous, null, 401,
                "{\"message\":\"You are not logged in.\",\"errors\":{}}")));
        assertViolation("validation.request.security.missing", full(exchange("GET", "/decisions/DEMO-1", anonymous, null, 200, DECISION)));
    }

    @Test
    public void answerOnlyChecksLetAMethodTheSpecLacksBeRefusedButHoldTheAnswer() {
        String error = "{\"message\":\"x\",\"errors\":{}}";
        assertEquals(List.of(), Contract.violations(Contract.Check.RESPONSE,
                exchange("POST", "/decisions/DEMO-1", ALICE, "x", 405, error)));
        assertEquals(List.of(), Contract.violations(Contract.Check.RESPONSE,
                exchange("PUT", "/decisions/DEMO-1", ALICE, "{\"status\":1}", 400, "{\"message\":\"x\",\"errors\":{\"status\":\"y\"}}")));
        assertViolation("validation.response.body.schema",
                Contract.violations(Contract.Check.RESPONSE, exchange("PUT", "/decisions/DEMO-1", ALICE, "{\"status\":1}", 400, "{\"errors\":{}}")));
        assertViolation("validation.response.status.unknown",
                Contract.violations(Contract.Check.RESPONSE, exchange("PUT", "/decisions/DEMO-1", ALICE, "{}", 500, error)));
    }

    @Test
    public void callsOutsideTheApiAreNotChecked() {
        assertEquals(List.of(), full(new Contract.Exchange("GET", URI.create(JIRA + "/rest/api/2/myself"), ALICE, null, 200, JSON, "{}")));
    }

    @Test
    public void aViolationFailsWithTheRequestTheAnswerAndTheProblem() {
        try {
            Contract.check(Contract.Check.FULL, exchange("GET", "/decisions/DEMO-1", ALICE, null, 200, DECISION.replace("IN_PROGRESS", "WAITING")));
            fail("no violation reported");
        } catch (AssertionError expected) {
            String m = expected.getMessage();
            assertTrue(m, m.contains("GET " + JIRA + "/rest/mandate/1.0/decisions/DEMO-1") && m.contains("200") && m.contains("WAITING")
                    && m.contains("enum"));
        }
    }
}
