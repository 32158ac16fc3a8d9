package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.it.SecurityHttp.Reply;
import io.mandate.refhost.ProductNode;
import io.mandate.testing.Contract;
import io.mandate.testing.RunningHost;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.mandate.it.SecurityHttp.enc;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * Every decision endpoint fed bad input, generated case by case (targets.md "bad input"): malformed
 * JSON (every truncation of a valid body, trailing garbage, wrong top-level types, 2,000-deep and
 * 200,000-deep nesting, invalid UTF-8), wrong types for every field, 1 MB strings, NUL and emoji,
 * unknown users and groups, bad dates, bad versions, SQL meta-characters, unknown fields, odd
 * content types, odd issue keys, bad list parameters.
 * <p>
 * For every answer: never 5xx; every 4xx is {"message": string, "errors": object} and a 400/409/413
 * names the offending field (413: {@code body}); and afterwards the database is exactly as before
 * (the decision and its history through REST, the whole list, and the row counts of the plugin's
 * Active Objects tables).
 * <p>
 * Issues: OPS-3 (a decision exists; bodies carry its current version, so only the fuzzed field can
 * make them fail) as bob, an OPS editor; HR-6 (no decision: the create path) as heidi. The few
 * cases the contract leaves open ("" as a date, a BOM) carry a stale version, so
 * the only possible answers are a 400 naming the field or a 409 naming {@code version}.
 */
public class DecisionFuzzIT {

    /** The resource methods fuzzed here, as {@code product METHOD template} (FuzzCoverageTest holds every method to one). */
    static final List<String> FUZZED = List.of("jira GET /decisions", "jira GET /decisions/{issueKey}",
            "jira PUT /decisions/{issueKey}", "jira DELETE /decisions/{issueKey}", "jira GET /decisions/{issueKey}/history");

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Writes every non-ASCII character as \\uXXXX, so even a lone surrogate reaches the server as sent. */
    private static final com.fasterxml.jackson.databind.ObjectWriter ASCII = SecurityHttp.JSON.writer()
            .with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII);
    private static final String SQL_OR = "' OR 1=1 --";
    private static final String SQL_DROP = "\"; DROP TABLE AO_DECISION; --";
    private static final String ONE_MB = "x".repeat(1024 * 1024);
    private static final String KB_200 = "y".repeat(200 * 1024);

    private static String jira;
    private static String api;

    @BeforeClass
    public static void startHost() {
        jira = RunningHost.jira();
        api = jira + "/rest/mandate/1.0/decisions";
    }

    // --- what an answer must be ---------------------------------------------------------------

    /** The statuses allowed, and the fields one of which a 400/409/413 must name (empty: any field). */
    record Expect(Set<Integer> statuses, Set<String> fields, boolean containerMayAnswer, boolean emptyList) {
        static Expect bad(String field) {
            return new Expect(Set.of(400), Set.of(field), false, false);
        }

        static Expect tooLarge() {
            return new Expect(Set.of(413), Set.of("body"), false, false);
        }

        static Expect stale() {
            return new Expect(Set.of(409), Set.of("version"), false, false);
        }

        /** Either the field is refused, or the (deliberately stale) version is. */
        static Expect badOrStale(String field) {
            return new Expect(Set.of(400, 409), Set.of(field, "version"), false, false);
        }

        static Expect status(int status) {
            return new Expect(Set.of(status), Set.of(), false, false);
        }

        /** Refused by the servlet container before the plugin sees it (Jetty's own 4xx page is fine). */
        static Expect container() {
            return new Expect(Set.of(400, 404, 405, 414, 431), Set.of(), true, false);
        }

        static Expect emptyPage() {
            return new Expect(Set.of(200), Set.of(), false, true);
        }
    }

    record Case(String label, String method, String pathAndQuery, String user, String contentType,
                Map<String, String> headers, byte[] body, Expect expect) {
    }

    private final List<Case> cases = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> byStatus = new java.util.TreeMap<>();

    // --- the run ------------------------------------------------------------------------------

    @Test
    public void badInputIsAlwaysA4xxNamingTheFieldAndChangesNothing() {
        long started = System.nanoTime();
        int v = baseline();
        Snapshot before = snapshot();

        generateBodyCases("OPS-3", "bob", v);
        generateBodyCases("HR-6", "heidi", null);
        generateStructuralCases("OPS-3", "bob", v);
        generateStructuralCases("HR-6", "heidi", null);
        generateContentTypeCases(v);
        generateKeyCases(v);
        generateDeleteVersionCases(v);
        generateListCases();

        int sentBefore = SecurityHttp.SENT.get();
        for (Case c : cases) {
            run(c);
        }
        int sent = SecurityHttp.SENT.get() - sentBefore;

        Snapshot after = snapshot();
        assertEquals("the decision of OPS-3 is unchanged", before.ops3, after.ops3);
        assertEquals("the history of OPS-3 is unchanged", before.ops3History, after.ops3History);
        assertEquals("HR-6 still has no decision", before.hr6, after.hr6);
        assertEquals("the history of HR-6 is unchanged", before.hr6History, after.hr6History);
        assertEquals("no decision appeared or changed anywhere", before.all, after.all);
        assertEquals("the plugin's tables hold the same rows", before.rowCounts, after.rowCounts);

        System.out.printf("DecisionFuzzIT: %d cases, %d requests, answers by status %s, %d ms%n",
                cases.size(), sent, byStatus, (System.nanoTime() - started) / 1_000_000);
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + cases.size() + " cases failed:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(40, failures.size()))));
        }
    }

    /**
     * Text that is valid however odd — emoji, astral and combining characters, SQL meta-characters,
     * control characters, a lone surrogate, right-to-left overrides, exactly the 10,000-character
     * maximum — is stored and returned exactly, in the decision and in the history.
     */
    @Test
    public void oddButValidOutcomesAreStoredExactly() {
        List<String> outcomes = List.of(
                "Ship it \uD83D\uDE80 \u2705 \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67 \uD835\uDD4F",
                SQL_OR + " " + SQL_DROP + " \\ % _ * ; /* */ -- #",
                "tab\tnew\nline \u0001\u001f \u007f \u2028 \u2029 \uFEFF \uFFFD",
                "lone \uD800 surrogate \uDFFF",
                "\u202Eevil\u202C and e\u0301 \u0645\u0631\u062D\u0628\u0627 \u4F60\u597D",
                "{{7*7}} ${7*7} #set($x = 7 * 7)$x $!{x} <%= 7*7 %>",
                "z".repeat(10_000));
        String issue = "OPS-3";
        for (String outcome : outcomes) {
            int v = currentVersion(issue, "bob");
            ObjectNode body = opsBaseline(v);
            body.put("outcome", outcome);
            Reply saved = SecurityHttp.putJson(api + "/" + issue, "bob", ascii(body));
            assertEquals(saved.toString(), 200, saved.status());
            assertEquals(label(outcome), outcome, saved.json().get("outcome").asText());
            assertEquals(label(outcome), outcome, SecurityHttp.get(api + "/" + issue, "frank").json().get("outcome").asText());
            JsonNode newest = SecurityHttp.get(api + "/" + issue + "/history", "frank").json().get(0);
            assertEquals(label(outcome), "outcome", newest.get("field").asText());
            assertEquals(label(outcome), outcome, newest.get("after").asText());
        }
        ObjectNode tooLong = opsBaseline(currentVersion(issue, "bob"));
        tooLong.put("outcome", "z".repeat(10_001));
        Reply refused = SecurityHttp.uncheckedPutJson(api + "/" + issue, "bob", tooLong.toString()); // over maxLength on purpose
        assertEquals(refused.toString(), 400, refused.status());
        assertTrue(refused.toString(), refused.json().get("errors").has("outcome"));
    }

    private static String ascii(JsonNode node) {
        try {
            return ASCII.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** A short, ASCII-only name for a text in assertion messages. */
    private static String label(String s) {
        String a = ascii(F.textNode(s));
        return a.length() > 80 ? a.substring(0, 80) + "…" : a;
    }

    // --- the cases ------------------------------------------------------------------------------

    /** Wrong values for every field of the decision input, one field at a time. */
    private void generateBodyCases(String issue, String user, Integer version) {
        Map<String, List<JsonNode>> wrong = new LinkedHashMap<>();
        wrong.put("status", List.of(num(1), num(1.5), F.booleanNode(true), F.arrayNode(), arr(F.textNode("OPEN")), F.objectNode(),
                obj("name", "OPEN"), txt(""), txt("   "), txt("x"), txt("OPENED"), txt(SQL_OR), txt(SQL_DROP), txt("OP\u0000EN"),
                txt("\uD83D\uDE80"), txt(KB_200)));
        List<JsonNode> badUser = List.of(num(1), F.booleanNode(false), F.arrayNode(), arr(F.textNode("erin")), F.objectNode(),
                obj("name", "erin"), txt("zed"), txt("ivan"), txt(SQL_OR), txt(SQL_DROP), txt("%"), txt("_"), txt("*"), txt("erin%"),
                txt("e_in"), txt("erin\u0000"), txt("\u0000"), txt("\uD83D\uDC69\u200D\uD83D\uDCBB"), txt("erin,bob"), txt("erin bob"),
                txt("a".repeat(256)), txt(KB_200), txt("   "), txt("JIRAUSER10005"), txt("Erin Evans"));
        wrong.put("driver", badUser);
        wrong.put("approver", badUser);
        wrong.put("contributors", List.of(txt("alice"), num(1), F.objectNode(), arr(num(1)), arr(F.nullNode()), arr(txt("")),
                arr(txt("  ")), arr(arr(txt("alice"))), arr(obj("name", "alice")), arr(txt("zed")), arr(txt("alice"), txt("zed")),
                arr(txt("ivan")), arr(txt(SQL_OR)), arr(txt(SQL_DROP)), arr(txt("%")), arr(txt("a\u0000")),
                arr(txt("a".repeat(256))), arr(txt("\uD83D\uDE80")), many(txt("alice"), 201), arr(txt(KB_200))));
        wrong.put("informed", List.of(txt("operations"), num(1), F.objectNode(), arr(txt("operations")), arr(F.nullNode()),
                arr(F.objectNode()), arr(obj("type", "group")), arr(obj("name", "operations")), arr(pair("robot", "alice")),
                arr(pair("", "alice")), arr(pair("GROUP ", "operations")), arr(typeNum()), arr(nameNum()),
                arr(pair("group", "nope")), arr(pair("user", "zed")), arr(pair("user", "ivan")), arr(pair("group", SQL_OR)),
                arr(pair("group", SQL_DROP)), arr(pair("group", "%")), arr(pair("user", "%")), arr(pair("group", "a\u0000")),
                arr(pair("group", "")), arr(pair("group", " ")), arr(pair("group", "g".repeat(256))),
                arr(pair("group", "\uD83D\uDE80")), many(pair("group", "operations"), 201), arr(pair("user", KB_200))));
        wrong.put("dueDate", List.of(num(20261201), F.booleanNode(true), F.arrayNode(), F.objectNode(), txt("2026-02-30"),
                txt("26-1-1"), txt("2026-13-01"), txt("2026-00-10"), txt("2026-12-32"), txt("2026-02-29"), txt("2026-04-31"),
                txt("2026/12/01"), txt("01.12.2026"), txt("2026-12-01T00:00:00Z"), txt(" 2026-12-01"), txt("2026-12-01 "),
                txt("\u0662\u0660\u0662\u0666-\u0661\u0662-\u0660\u0661"), txt("+10000-01-01"), txt("-2026-12-01"),
                txt("2026-1-01"), txt("tomorrow"), txt(SQL_OR), txt(SQL_DROP), txt("2026-12-0\u0000"), txt("\uD83D\uDCC5"),
                txt(KB_200)));
        wrong.put("reviewDate", wrong.get("dueDate"));
        wrong.put("outcome", List.of(num(1), F.booleanNode(true), F.arrayNode(), F.objectNode(), arr(txt("Kafka")),
                txt("o".repeat(10_001)), txt(KB_200), txt("a\u0000b"), txt("\u0000")));
        wrong.put("domain", List.of(num(1), F.arrayNode(), F.objectNode(), txt("NO_SUCH_DOMAIN"), txt(SQL_OR), txt(SQL_DROP), txt("%"),
                txt("d".repeat(256)), txt("AR\u0000CH"), txt(KB_200)));

        for (Map.Entry<String, List<JsonNode>> field : wrong.entrySet()) {
            for (JsonNode value : field.getValue()) {
                ObjectNode body = baseline(issue, version);
                body.set(field.getKey(), value);
                add(issue + " " + field.getKey() + "=" + describe(value), "PUT", "/" + issue, user, body, Expect.bad(field.getKey()));
            }
            // a megabyte in the field: the whole body is refused before it is read
            ObjectNode huge = baseline(issue, version);
            huge.put(field.getKey(), ONE_MB);
            add(issue + " " + field.getKey() + "=1 MB", "PUT", "/" + issue, user, huge, Expect.tooLarge());
            ObjectNode hugeList = baseline(issue, version);
            hugeList.set(field.getKey(), many(txt("a".repeat(1000)), 1100));
            add(issue + " " + field.getKey() + "=1.1 MB list", "PUT", "/" + issue, user, hugeList, Expect.tooLarge());
        }

        // versions
        List<JsonNode> badVersions = List.of(num(-1), num(1.5), num(1e3), F.booleanNode(true), F.arrayNode(), F.objectNode(),
                txt(String.valueOf(version == null ? 1 : version)), txt(SQL_OR), num(2147483648L),
                F.numberNode(new BigInteger("99999999999999999999")), num(-0.0));
        for (JsonNode value : badVersions) {
            ObjectNode body = baseline(issue, version);
            body.set("version", value);
            add(issue + " version=" + describe(value), "PUT", "/" + issue, user, body, Expect.bad("version"));
        }
        if (version != null) {
            for (int stale : new int[]{version + 1, version - 1, 0, 1000}) {
                ObjectNode body = baseline(issue, version);
                body.put("version", stale);
                add(issue + " stale version " + stale, "PUT", "/" + issue, user, body, Expect.stale());
            }
            ObjectNode noVersion = baseline(issue, version);
            noVersion.remove("version");
            add(issue + " replacing without a version", "PUT", "/" + issue, user, noVersion, Expect.bad("version"));
        } else {
            ObjectNode ghost = baseline(issue, null);
            ghost.put("version", 1);
            add(issue + " a version for a decision that does not exist", "PUT", "/" + issue, user, ghost, Expect.stale());
        }

        // rules across fields
        ObjectNode decidedWithout = baseline(issue, version);
        decidedWithout.put("status", "DECIDED");
        decidedWithout.remove("outcome");
        add(issue + " DECIDED without outcome", "PUT", "/" + issue, user, decidedWithout, Expect.bad("outcome"));
        ObjectNode decidedBlank = baseline(issue, version);
        decidedBlank.put("status", "DECIDED");
        decidedBlank.put("outcome", " \t\n ");
        add(issue + " DECIDED with a blank outcome", "PUT", "/" + issue, user, decidedBlank, Expect.bad("outcome"));
        ObjectNode noApprover = baseline(issue, version);
        noApprover.remove("approver");
        add(issue + " IN_PROGRESS without approver", "PUT", "/" + issue, user, noApprover, Expect.bad("approver"));
        ObjectNode inactive = baseline(issue, version);
        inactive.put("approver", "IVAN");
        add(issue + " an inactive approver in capitals", "PUT", "/" + issue, user, inactive, Expect.bad("approver"));

        // unknown fields
        for (String unknown : List.of("colour", "decidedAt", "issueKey", "summary", "created", "updated", "checks", "Status",
                "STATUS", "", " ", "__proto__", "constructor", "prototype", "a\u0000b", "<script>alert(1)</script>", SQL_OR,
                "\uD83D\uDE80", "u".repeat(10_000))) {
            ObjectNode body = baseline(issue, version);
            body.put(unknown, "x");
            add(issue + " unknown field " + describe(txt(unknown)), "PUT", "/" + issue, user, body, Expect.bad(unknown));
        }
        ObjectNode thousand = baseline(issue, version);
        for (int i = 0; i < 1000; i++) {
            thousand.put("f" + i, i);
        }
        add(issue + " 1,000 unknown fields", "PUT", "/" + issue, user, thousand, Expect.bad("f999"));

        // the dates the contract leaves open: with a stale version nothing can be written either way
        for (String field : List.of("dueDate", "reviewDate")) {
            for (String open : List.of("", "   ")) {
                ObjectNode body = baseline(issue, version);
                body.put(field, open);
                body.put("version", version == null ? 7 : version + 7);
                add(issue + " " + field + "=\"" + open + "\" (stale version)", "PUT", "/" + issue, user, body, Expect.badOrStale(field));
            }
        }
    }

    /** Malformed JSON and bodies that are not decision objects. */
    private void generateStructuralCases(String issue, String user, Integer version) {
        String valid = baseline(issue, version).toString();
        // every truncation of a valid body
        for (int i = 0; i < valid.length(); i++) {
            addRaw(issue + " truncated to " + i + " chars", "PUT", "/" + issue, user, "application/json",
                    valid.substring(0, i).getBytes(StandardCharsets.UTF_8), Expect.bad("body"));
        }
        String inner = valid.substring(1, valid.length() - 1);
        List<String> garbage = List.of(valid + "x", valid + "}", valid + "]", valid + "{}", valid + " null", valid + ",",
                valid + "\u0000", valid + " // comment", valid + " /* */", "/* c */" + valid, valid + valid,
                "{" + inner + ",}", "{," + inner + "}", "{" + inner.replace("\"", "'") + "}",
                "{" + inner.replace("\"status\"", "status") + "}", "{" + inner + ",\"x\":NaN}", "{" + inner + ",\"x\":Infinity}",
                "{" + inner + ",\"x\":01}", "{" + inner + ",\"x\":0x10}", "{" + inner + ",\"x\":\"\\x41\"}",
                "{" + inner + ",\"x\":\"\\uZZZZ\"}", "{" + inner + ",\"x\":\"tab\tinside\"}", "{" + inner + ",\"x\":\"" + "\n" + "\"}",
                "{" + inner + ",\"colour\"}", "{" + inner + ":1}", "{\"status\" \"OPEN\"}", "{{}}", "{[]}", "{\"a\":}", "{\"a\"::1}",
                "\u0000" + valid, "<decision/>", "status=OPEN", "\"" + valid.replace("\"", "\\\"") + "\"");
        for (String body : garbage) {
            addRaw(issue + " malformed " + describe(txt(body)), "PUT", "/" + issue, user, "application/json",
                    body.getBytes(StandardCharsets.UTF_8), Expect.bad("body"));
        }
        // not an object
        for (String body : List.of("[]", "[" + valid + "]", "\"OPEN\"", "1", "-0", "1e999", "true", "false", "null", "", " ", "\n\t ")) {
            addRaw(issue + " top level " + describe(txt(body)), "PUT", "/" + issue, user, "application/json",
                    body.getBytes(StandardCharsets.UTF_8), Expect.bad("body"));
        }
        // deep nesting
        Map<String, String> deep = new LinkedHashMap<>();
        deep.put("2,000-deep arrays", "[".repeat(2000) + "]".repeat(2000));
        deep.put("2,000-deep objects", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000));
        deep.put("200,000 open brackets", "[".repeat(200_000));
        deep.put("200,000 open braces", "{\"a\":".repeat(50_000));
        for (Map.Entry<String, String> d : deep.entrySet()) {
            addRaw(issue + " " + d.getKey(), "PUT", "/" + issue, user, "application/json",
                    d.getValue().getBytes(StandardCharsets.UTF_8), Expect.bad("body"));
        }
        for (String field : List.of("outcome", "contributors", "informed", "status", "version")) {
            String nested = "{" + inner + ",\"" + field + "\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
            addRaw(issue + " " + field + " nested 2,000 deep", "PUT", "/" + issue, user, "application/json",
                    nested.getBytes(StandardCharsets.UTF_8), new Expect(Set.of(400), Set.of(field, "body"), false, false));
        }
        // size limit: 1 MB of anything, and the boundary
        addRaw(issue + " 1 MB of spaces after a valid body", "PUT", "/" + issue, user, "application/json",
                (valid + " ".repeat(1024 * 1024)).getBytes(StandardCharsets.UTF_8), Expect.tooLarge());
        addRaw(issue + " 1 MB of garbage", "PUT", "/" + issue, user, "application/json",
                ONE_MB.getBytes(StandardCharsets.UTF_8), Expect.tooLarge());
        ObjectNode stale = baseline(issue, version);
        stale.put("version", version == null ? 7 : version + 7);
        String staleText = stale.toString();
        int limit = 256 * 1024;
        addRaw(issue + " a body of exactly 256 KiB is read", "PUT", "/" + issue, user, "application/json",
                pad(staleText, limit), Expect.stale());
        addRaw(issue + " a body of 256 KiB + 1 byte", "PUT", "/" + issue, user, "application/json",
                pad(staleText, limit + 1), Expect.tooLarge());
        ObjectNode emoji = baseline(issue, version);
        emoji.put("outcome", "\uD83D\uDE80".repeat(70_000));
        add(issue + " 280 KB of emoji", "PUT", "/" + issue, user, emoji, Expect.tooLarge());
        // bytes that are not UTF-8 are refused before anything else is looked at (never read as U+FFFD)
        String[] around = staleText.split("\"outcome\":\"[^\"]*\"", 2);
        for (byte[] junk : new byte[][]{{(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}}) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes((around[0] + "\"outcome\":\"").getBytes(StandardCharsets.UTF_8));
            b.writeBytes(junk);
            b.writeBytes(("\"" + around[1]).getBytes(StandardCharsets.UTF_8));
            addRaw(issue + " invalid UTF-8 " + Arrays.toString(junk) + " in the outcome", "PUT", "/" + issue, user,
                    "application/json", b.toByteArray(), Expect.bad("body"));
        }
        // a key given twice, at the top and inside a field: 400 naming the field, whichever value would have counted
        String current = baseline(issue, version).toString();
        String currentInner = current.substring(1, current.length() - 1);
        for (String[] dup : new String[][]{{"status", "\"status\":\"OPEN\""}, {"outcome", "\"outcome\":\"other\""},
                {"driver", "\"driver\":\"erin\""}, {"version", "\"version\":" + version}}) {
            if (dup[0].equals("version") && version == null) {
                continue; // the create path sends no version to repeat
            }
            addRaw(issue + " the key " + dup[0] + " twice", "PUT", "/" + issue, user, "application/json",
                    ("{" + currentInner + "," + dup[1] + "}").getBytes(StandardCharsets.UTF_8), Expect.bad(dup[0]));
        }
        addRaw(issue + " a key twice inside informed", "PUT", "/" + issue, user, "application/json",
                ("{" + currentInner.replaceFirst("\\{\"type\":\"group\"", "{\"type\":\"group\",\"type\":\"user\"") + "}")
                        .getBytes(StandardCharsets.UTF_8), Expect.bad("informed"));
        addRaw(issue + " an unknown key twice", "PUT", "/" + issue, user, "application/json",
                ("{" + currentInner + ",\"x\":1,\"x\":1}").getBytes(StandardCharsets.UTF_8), Expect.bad("x"));
        addRaw(issue + " invalid UTF-8 as the whole body", "PUT", "/" + issue, user, "application/json",
                new byte[]{(byte) 0xFF, (byte) 0xFE, (byte) 0xFD}, Expect.bad("body"));
        addRaw(issue + " a byte-order mark before the body (stale version)", "PUT", "/" + issue, user, "application/json",
                ("\uFEFF" + staleText).getBytes(StandardCharsets.UTF_8), Expect.badOrStale("body"));
    }

    /** Content types: the XSRF rule, non-JSON types, and charsets that do not exist. */
    private void generateContentTypeCases(int v) {
        String body = opsBaseline(v).toString();
        String stale = opsBaseline(v + 7).toString();
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        addRaw("text/plain without the XSRF header", "PUT", "/OPS-3", "bob", "text/plain", b, Expect.status(403));
        addRaw("form type without the XSRF header", "PUT", "/OPS-3", "bob", "application/x-www-form-urlencoded", b, Expect.status(403));
        addRaw("multipart without the XSRF header", "PUT", "/OPS-3", "bob", "multipart/form-data; boundary=x", b, Expect.status(403));
        Map<String, String> noCheck = Map.of("X-Atlassian-Token", "no-check");
        cases.add(new Case("text/plain with the XSRF header", "PUT", "/OPS-3", "bob", "text/plain", noCheck, b, Expect.status(415)));
        addRaw("application/xml", "PUT", "/OPS-3", "bob", "application/xml", "<decision/>".getBytes(StandardCharsets.UTF_8),
                Expect.status(415));
        // a Content-Type header Jersey cannot parse is refused by the host's Jersey before any plugin code runs
        addRaw("a content type that is no type", "PUT", "/OPS-3", "bob", "nonsense", b, Expect.container());
        addRaw("an empty charset", "PUT", "/OPS-3", "bob", "application/json; charset=", b, Expect.container());
        for (String charset : List.of("nope", "utf-9", "\"\"", "x-unknown-charset", "UTF-8;;", "utf-8", "ISO-8859-1")) {
            addRaw("JSON with charset=" + charset + " (stale version)", "PUT", "/OPS-3", "bob", "application/json; charset=" + charset,
                    stale.getBytes(StandardCharsets.UTF_8), new Expect(Set.of(400, 409, 415), Set.of("body", "version"), false, false));
        }
        addRaw("UTF-8 bytes declared as UTF-16 (stale version)", "PUT", "/OPS-3", "bob", "application/json; charset=UTF-16",
                stale.getBytes(StandardCharsets.UTF_8), new Expect(Set.of(400, 409, 415), Set.of("body", "version"), false, false));
        for (String method : List.of("POST", "PATCH")) {
            addRaw(method + " on a decision", method, "/OPS-3", "bob", "application/json", b, Expect.status(405));
        }
        addRaw("POST on the list", "POST", "", "bob", "application/json", b, Expect.status(405));
        addRaw("PUT on the history", "PUT", "/OPS-3/history", "bob", "application/json", b, Expect.status(405));
    }

    /** Issue keys that are no issue, on every endpoint that takes one. */
    private void generateKeyCases(int v) {
        List<String> keys = List.of(SQL_OR, SQL_DROP, "OPS-3'", "OPS-3\"", "OPS-3;", "OPS-3%", "%", "_", "*", "OPS-%", "OPS-_",
                "OPS-0", "OPS--1", "OPS-+3", "OPS-99999999999999999999", "OPS-2147483648", "OPS-1e3", "OPS-0x3", "OPS-3.0",
                "A".repeat(5000), "\uD83D\uDCA5-1", "OPS-\uD83D\uDCA5", "<script>alert(1)</script>", "OPS-3/../OPS-4",
                "OPS-3\\..\\HR-5", "\u202E3-SPO", "OPS 3", "-", "OPS", "123", "NOPE-1", "' UNION SELECT * FROM AO_AUDIT --");
        ObjectNode validCreate = baseline("HR-6", null);
        for (String key : keys) {
            String p = "/" + enc(key);
            add("GET key " + describe(txt(key)), "GET", p, "bob", null, Expect.status(404));
            add("GET history of key " + describe(txt(key)), "GET", p + "/history", "bob", null, Expect.status(404));
            add("DELETE key " + describe(txt(key)), "DELETE", p + "?version=0", "bob", null, Expect.status(404));
            // a valid body must not create a decision on an issue that does not exist
            add("PUT a valid decision on key " + describe(txt(key)), "PUT", p, "bob", validCreate, Expect.status(404));
        }
        // keys are looked up ignoring case and surrounding white space (JiraIssueAccess): the same issue, the same rules
        for (String same : List.of("ops-3", " OPS-3", "OPS-3\n", "\tOps-3 ")) {
            String p = "/" + enc(same);
            add("GET key " + describe(txt(same)) + " is OPS-3", "GET", p, "bob", null, Expect.status(200));
            add("DELETE key " + describe(txt(same)) + " with a stale version", "DELETE", p + "?version=0", "bob", null, Expect.stale());
            add("PUT key " + describe(txt(same)) + " without the version", "PUT", p, "bob", validCreate, Expect.bad("version"));
        }
        // refused by the container before the plugin (a NUL in the path, a path over Jetty's limit)
        add("GET key with NUL", "GET", "/OPS-3%00", "bob", null, Expect.container());
        add("PUT key with NUL", "PUT", "/OPS-3%00", "bob", opsBaseline(v), Expect.container());
        add("GET 20,000-character key", "GET", "/" + "A".repeat(20_000), "bob", null, Expect.container());
        add("DELETE with a path of dots", "DELETE", "/..?version=0", "bob", null, Expect.container());
    }

    /** DELETE's version parameter. */
    private void generateDeleteVersionCases(int v) {
        for (String bad : List.of("abc", "1.5", "", " ", "99999999999", "2147483648", "1 OR 1=1", "'; --", "1e3", "0x1", "%00",
                "\uD83D\uDE80", String.valueOf(v) + " ")) {
            add("DELETE version=" + describe(txt(bad)), "DELETE", "/OPS-3?version=" + enc(bad), "bob", null, Expect.bad("version"));
        }
        for (int stale : new int[]{v + 1, v - 1, 0, Integer.MAX_VALUE}) {
            add("DELETE stale version " + stale, "DELETE", "/OPS-3?version=" + stale, "bob", null, Expect.stale());
        }
        // only ASCII digits are a version: other scripts' digits and negative numbers are 400
        add("DELETE version=\u0669\u0669\u0669", "DELETE", "/OPS-3?version=" + enc("\u0669\u0669\u0669"), "bob", null,
                Expect.bad("version"));
        add("DELETE version=-1", "DELETE", "/OPS-3?version=-1", "bob", null, Expect.bad("version"));
        // a version names what the caller saw: when there is no decision any more it is not current (409, as for PUT)
        add("DELETE on HR-6 without a decision, with a version", "DELETE", "/HR-6?version=1", "heidi", null, Expect.stale());
        add("DELETE on HR-6 without a decision, unconditional", "DELETE", "/HR-6", "heidi", null, Expect.status(404));
    }

    /** GET /decisions with bad parameters. */
    private void generateListCases() {
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("startAt", List.of("-1", "abc", "1.5", "2147483648", "1e3", "0x10", "\u0000", SQL_OR, "\uD83D\uDE80", "9".repeat(400)));
        bad.put("maxResults", List.of("abc", "5000", "1001", "-1", "1.5", "99999999999", "1e3", SQL_OR, "\u0000"));
        bad.put("status", List.of("x", "MAYBE", "OPEN,DECIDED", SQL_OR, SQL_DROP, "%", "\u0000", "\uD83D\uDE80", "s".repeat(4000)));
        bad.put("overdue", List.of("maybe", "1", "0", "yes", "TRUE ", SQL_OR, "\u0000", "\uD83D\uDE80"));
        bad.put("dueForReview", List.of("maybe", "1", "0", "yes", "TRUE ", SQL_OR, "\u0000", "\uD83D\uDE80"));
        bad.put("approver", List.of(SQL_OR, "'; --", SQL_DROP, "zed", "%", "_", "*", "a\u0000b", "\uD83D\uDE80", "a".repeat(4000)));
        bad.put("driver", List.of(SQL_OR, "'; --", "zed", "%", "_", "a\u0000b", "JIRAUSER10005"));
        for (Map.Entry<String, List<String>> p : bad.entrySet()) {
            for (String value : p.getValue()) {
                add("list " + p.getKey() + "=" + describe(txt(value)), "GET", "?" + p.getKey() + "=" + enc(value), "bob", null,
                        Expect.bad(p.getKey()));
            }
        }
        // filters on keys that name nothing: an empty page, never a match for everything
        for (String param : List.of("project", "domain")) {
            for (String value : List.of(SQL_OR, SQL_DROP, "%", "_", "*", "' OR '1'='1", "DEMO' OR PROJECT_KEY LIKE '%", "\u0000",
                    "\uD83D\uDE80", "p".repeat(4000))) {
                add("list " + param + "=" + describe(txt(value)), "GET", "?" + param + "=" + enc(value), "bob", null,
                        Expect.emptyPage());
            }
        }
        add("list with every parameter wrong", "GET", "?startAt=-1&maxResults=abc&status=x&overdue=maybe&dueForReview=1&approver="
                + enc("'; --") + "&driver=" + enc(SQL_OR), "bob", null, new Expect(Set.of(400),
                Set.of("startAt", "maxResults", "status", "overdue", "dueForReview", "approver", "driver"), false, false));
    }

    // --- running and checking --------------------------------------------------------------------

    private void add(String label, String method, String pathAndQuery, String user, ObjectNode body, Expect expect) {
        cases.add(new Case(label, method, pathAndQuery, user, body == null ? null : "application/json", Map.of(),
                body == null ? null : ascii(body).getBytes(StandardCharsets.UTF_8), expect));
    }

    private void addRaw(String label, String method, String pathAndQuery, String user, String contentType, byte[] body, Expect expect) {
        cases.add(new Case(label, method, pathAndQuery, user, contentType, Map.of(), body, expect));
    }

    private void run(Case c) {
        Map<String, String> headers = new LinkedHashMap<>(c.headers());
        if (c.contentType() != null) {
            headers.put("Content-Type", c.contentType());
        }
        // sent outside the contract on purpose: the answer is held against it (a refusal in its error shape), unless
        // the servlet container may answer before the plugin does (Jetty's page, not the API's)
        Reply reply;
        try {
            reply = SecurityHttp.send(c.expect().containerMayAnswer() ? Contract.Check.NONE : Contract.Check.RESPONSE,
                    c.method(), api + c.pathAndQuery(), c.user(), headers, c.body());
        } catch (AssertionError contract) {
            failures.add(c.label() + " [" + c.method() + " " + abbreviate(c.pathAndQuery()) + "]: " + contract.getMessage());
            return;
        }
        byStatus.merge(reply.status(), 1, Integer::sum);
        Expect e = c.expect();
        String problem = null;
        if (reply.status() >= 500) {
            problem = "a 5xx";
        } else if (!e.statuses().contains(reply.status())) {
            problem = "expected " + e.statuses();
        } else if (reply.status() >= 400 && !(e.containerMayAnswer() && !reply.isJson())) {
            problem = errorShapeProblem(reply, e);
        } else if (e.emptyList()) {
            JsonNode page = reply.json();
            if (page == null || page.path("total").asInt(-1) != 0 || !page.path("values").isEmpty()) {
                problem = "expected an empty page";
            }
        }
        if (problem != null) {
            failures.add(c.label() + " [" + c.method() + " " + abbreviate(c.pathAndQuery()) + "]: " + problem + ", got " + reply);
        }
    }

    private static String errorShapeProblem(Reply reply, Expect e) {
        JsonNode body = reply.json();
        if (!reply.isJson() || body == null || !body.isObject()) {
            return "the error is not a JSON object";
        }
        if (!body.path("message").isTextual() || body.path("message").asText().isBlank()) {
            return "no \"message\" string";
        }
        if (!body.path("errors").isObject()) {
            return "no \"errors\" object";
        }
        int s = reply.status();
        if (s == 400 || s == 409 || s == 413) {
            if (body.get("errors").isEmpty()) {
                return "\"errors\" names no field";
            }
            if (!e.fields().isEmpty() && e.fields().stream().noneMatch(f -> body.get("errors").has(f))) {
                return "\"errors\" does not name " + e.fields();
            }
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    // --- data --------------------------------------------------------------------------------------

    /** OPS-3 gets a known decision (version returned); HR-6 has none. */
    private static int baseline() {
        Reply hr6 = SecurityHttp.get(api + "/HR-6", "heidi");
        if (hr6.status() == 200) {
            assertEquals(204, SecurityHttp.delete(api + "/HR-6", "heidi").status());
        }
        Reply current = SecurityHttp.get(api + "/OPS-3", "bob");
        ObjectNode body = opsBaseline(current.status() == 200 ? current.json().get("version").asInt() : null);
        Reply saved = SecurityHttp.putJson(api + "/OPS-3", "bob", body.toString());
        assertEquals(saved.toString(), 200, saved.status());
        return saved.json().get("version").asInt();
    }

    private static int currentVersion(String issue, String user) {
        return SecurityHttp.get(api + "/" + issue, user).json().get("version").asInt();
    }

    private static ObjectNode opsBaseline(Integer version) {
        ObjectNode body = F.objectNode();
        body.put("status", "IN_PROGRESS");
        body.put("driver", "erin");
        body.put("approver", "bob");
        body.set("contributors", arr(txt("alice")));
        body.set("informed", arr(pair("group", "operations"), pair("user", "frank")));
        body.put("dueDate", "2027-03-01");
        body.put("reviewDate", "2027-09-01"); // the baseline carries a review date, so the fuzzer sends one that is accepted
        body.put("outcome", "Fuzz baseline: the disk alert fires at 80 %");
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    private static ObjectNode baseline(String issue, Integer version) {
        if (issue.equals("OPS-3")) {
            return opsBaseline(version);
        }
        ObjectNode body = F.objectNode();
        body.put("status", "IN_PROGRESS");
        body.put("driver", "erin");
        body.put("approver", "heidi");
        body.set("contributors", arr(txt("erin")));
        body.set("informed", arr(pair("group", "hr-team")));
        body.put("dueDate", "2027-04-01");
        body.put("reviewDate", "2027-10-01");
        body.put("outcome", "Fuzz baseline: leads train with HR first");
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    private static byte[] pad(String json, int bytes) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[bytes];
        System.arraycopy(b, 0, padded, 0, b.length);
        Arrays.fill(padded, b.length, bytes, (byte) ' ');
        return padded;
    }

    private record Snapshot(String ops3, String ops3History, String hr6, String hr6History, String all,
                            Map<String, Integer> rowCounts) {
    }

    private static Snapshot snapshot() {
        Reply hr6 = SecurityHttp.get(api + "/HR-6", "admin");
        return new Snapshot(SecurityHttp.get(api + "/OPS-3", "admin").body(),
                SecurityHttp.get(api + "/OPS-3/history", "admin").body(),
                hr6.status() + " " + hr6.body(),
                SecurityHttp.get(api + "/HR-6/history", "admin").body(),
                SecurityHttp.get(api + "?maxResults=1000", "admin").body(),
                rowCounts());
    }

    /** Rows of the plugin's Active Objects tables, counted in the running host. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, Integer> rowCounts() {
        ProductNode node = RunningHost.get().jira();
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (String entity : List.of("DecisionEntity", "ParticipantEntity", "AuditEntity", "RevisionEntity")) {
            try {
                Class type = node.plugin().classLoader().loadClass("io.mandate.decision." + entity);
                counts.put(entity, node.activeObjects().count(type));
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
        return counts;
    }

    // --- JSON helpers --------------------------------------------------------------------------

    private static JsonNode txt(String s) {
        return F.textNode(s);
    }

    private static JsonNode num(long n) {
        return F.numberNode(n);
    }

    private static JsonNode num(double n) {
        return F.numberNode(n);
    }

    private static ArrayNode arr(JsonNode... items) {
        ArrayNode a = F.arrayNode();
        Arrays.stream(items).forEach(a::add);
        return a;
    }

    private static ArrayNode many(JsonNode item, int n) {
        ArrayNode a = F.arrayNode();
        for (int i = 0; i < n; i++) {
            a.add(item.deepCopy());
        }
        return a;
    }

    private static ObjectNode obj(String field, String value) {
        ObjectNode o = F.objectNode();
        o.put(field, value);
        return o;
    }

    private static ObjectNode pair(String type, String name) {
        ObjectNode o = F.objectNode();
        o.put("type", type);
        o.put("name", name);
        return o;
    }

    private static ObjectNode typeNum() {
        ObjectNode o = F.objectNode();
        o.put("type", 1);
        o.put("name", "operations");
        return o;
    }

    private static ObjectNode nameNum() {
        ObjectNode o = F.objectNode();
        o.put("type", "group");
        o.put("name", 1);
        return o;
    }

    private static String describe(JsonNode value) {
        String s = value.toString();
        return s.length() > 50 ? s.substring(0, 50) + "…(" + s.length() + ")" : s;
    }
}
