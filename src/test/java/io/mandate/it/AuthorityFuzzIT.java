package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.it.SecurityHttp.Reply;
import io.mandate.refhost.ProductNode;
import io.mandate.testing.Contract;
import io.mandate.testing.RunningHost;
import org.junit.AfterClass;
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
import java.util.function.Supplier;

import static org.junit.Assert.assertEquals;

/**
 * Every write endpoint of the authority matrix fed bad input, case by case, the way {@link DecisionFuzzIT} feeds
 * the decisions: malformed JSON (every truncation of a valid body, trailing garbage, top-level non-objects, deep
 * nesting, invalid UTF-8), keys given twice (at the top, inside {@code holder} and {@code scope}), wrong types for
 * every field, levels 0, 8, -1, "SUPREME", bad dates, NUL, 1 MB strings, unknown and deactivated users, unknown
 * groups, unknown fields, bad versions and ids, bad list parameters.
 *
 * <p>For every answer: never 5xx; every 4xx is {"message": string, "errors": object}, and a 400/409/413 names the
 * offending field (413: {@code body}). Each body is a valid one with one thing broken, so only that thing can make
 * it fail. Afterwards the matrix is exactly as before: the domains, the fixture domain's grants and history, every
 * absence, and the row counts of the authority's Active Objects tables.
 */
public class AuthorityFuzzIT {

    /** The resource methods fuzzed here, as {@code product METHOD template} (FuzzCoverageTest holds every method to one). */
    static final List<String> FUZZED = List.of("jira GET /domains", "jira POST /domains", "jira GET /domains/{domainKey}",
            "jira PUT /domains/{domainKey}", "jira DELETE /domains/{domainKey}", "jira GET /domains/{domainKey}/grants",
            "jira POST /domains/{domainKey}/grants", "jira GET /grants/{grantId}", "jira PUT /grants/{grantId}",
            "jira DELETE /grants/{grantId}", "jira GET /absences", "jira POST /absences", "jira DELETE /absences/{id}");

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String ONE_MB = "x".repeat(1024 * 1024);
    private static final String KB_200 = "y".repeat(200 * 1024);
    private static final String SQL = "' OR 1=1 --";
    private static final String DOMAIN = "R_FZ";

    private static String api;
    private static long grantId;

    record Expect(Set<Integer> statuses, Set<String> fields) {
        static Expect bad(String... fields) {
            return new Expect(Set.of(400), Set.of(fields));
        }

        static Expect tooLarge() {
            return new Expect(Set.of(413), Set.of("body"));
        }

        static Expect stale() {
            return new Expect(Set.of(409), Set.of("version"));
        }

        static Expect notFound() {
            return new Expect(Set.of(404), Set.of());
        }
    }

    record Case(String label, String method, String path, byte[] body, Expect expect) {
    }

    private final List<Case> cases = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> byStatus = new java.util.TreeMap<>();

    @BeforeClass
    public static void fixture() {
        api = RunningHost.jira() + "/rest/mandate/1.0";
        SecurityHttp.delete(api + "/domains/" + DOMAIN, "admin");
        SecurityHttp.delete(api + "/domains/R_FZ_NEW", "admin");
        Reply d = post("/domains", domainBody(true, null).toString());
        assertEquals(d.toString(), 201, d.status());
        Reply g = post("/domains/" + DOMAIN + "/grants", grantBody(null).toString());
        assertEquals(g.toString(), 201, g.status());
        grantId = g.json().get("id").asLong();
    }

    @AfterClass
    public static void removeFixture() {
        SecurityHttp.delete(api + "/domains/" + DOMAIN, "admin");
        SecurityHttp.delete(api + "/domains/R_FZ_NEW", "admin");
    }

    private static Reply post(String path, String json) {
        return SecurityHttp.send("POST", api + path, "admin", Map.of("Content-Type", "application/json"),
                json.getBytes(StandardCharsets.UTF_8));
    }

    // ---- valid bodies, one field of which each case breaks ---------------------------------------------------

    /** A valid domain: for POST with the key R_FZ_NEW (or R_FZ for the fixture), for PUT with the version. */
    private static ObjectNode domainBody(boolean create, Integer version) {
        ObjectNode b = F.objectNode();
        if (create) {
            b.put("key", version == null && api != null && grantId == 0 ? DOMAIN : "R_FZ_NEW");
        }
        b.put("name", "Fuzz (R)");
        b.put("description", "Fuzzed domain");
        ObjectNode scope = b.putObject("scope");
        scope.set("projects", arr(txt("DEMO")));
        scope.set("labels", arr(txt("r-fuzz")));
        if (version != null) {
            b.put("version", version);
        }
        return b;
    }

    private static ObjectNode grantBody(Integer version) {
        ObjectNode b = F.objectNode();
        b.set("holder", pair("user", "alice"));
        b.put("level", version == null ? 5 : 6);
        b.put("backup", "bob");
        b.put("mentee", "carol");
        b.put("validFrom", "2026-01-01");
        b.put("validTo", "2099-12-31");
        b.put("note", "Fuzz baseline");
        if (version != null) {
            b.put("version", version);
        }
        return b;
    }

    private static ObjectNode absenceBody() {
        ObjectNode b = F.objectNode();
        b.put("user", "dave");
        b.put("from", "2033-05-01");
        b.put("to", "2033-05-10");
        b.put("note", "Fuzz baseline");
        return b;
    }

    private record Target(String name, String method, String path, Supplier<ObjectNode> valid) {
    }

    private List<Target> targets() {
        int domainVersion = SecurityHttp.get(api + "/domains/" + DOMAIN, "admin").json().get("version").asInt();
        int grantVersion = SecurityHttp.get(api + "/grants/" + grantId, "admin").json().get("version").asInt();
        return List.of(
                new Target("create domain", "POST", "/domains", () -> domainBody(true, null)),
                new Target("change domain", "PUT", "/domains/" + DOMAIN, () -> domainBody(false, domainVersion)),
                new Target("add grant", "POST", "/domains/" + DOMAIN + "/grants", () -> grantBody(null)),
                new Target("change grant", "PUT", "/grants/" + grantId, () -> grantBody(grantVersion)),
                new Target("add absence", "POST", "/absences", AuthorityFuzzIT::absenceBody));
    }

    // ---- the run -----------------------------------------------------------------------------------------

    @Test
    public void badInputIsAlwaysA4xxNamingTheFieldAndChangesNothing() {
        String before = snapshot();
        List<Target> targets = targets();
        for (Target t : targets) {
            generateFieldCases(t);
            generateStructuralCases(t);
        }
        generatePathAndListCases();
        int sentBefore = SecurityHttp.SENT.get();
        for (Case c : cases) {
            run(c);
        }
        int sent = SecurityHttp.SENT.get() - sentBefore;
        String after = snapshot();
        System.out.printf("AuthorityFuzzIT: %d cases, %d requests, answers by status %s%n", cases.size(), sent, byStatus);
        if (!before.equals(after)) {
            failures.add(0, "the matrix changed:\n    before " + before + "\n    after  " + after);
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + cases.size() + " cases failed:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(40, failures.size()))));
        }
    }

    private void generateFieldCases(Target t) {
        Map<String, List<JsonNode>> wrong = new LinkedHashMap<>();
        List<JsonNode> badName = List.of(num(1), F.booleanNode(true), F.arrayNode(), arr(txt("x")), F.objectNode(),
                txt("a\u0000"), txt("\u0000"), txt("n".repeat(256)), txt(KB_200));
        List<JsonNode> badDate = List.of(num(20270101), F.booleanNode(true), F.arrayNode(), F.objectNode(), txt("2026-13-45"),
                txt("2026-02-30"), txt("2026/01/01"), txt("tomorrow"), txt("2026-1-1"), txt("+10000-01-01"), txt(" 2027-01-01"), txt("2027-01-01 "),
                txt("2026-01-0\u0000"), txt(SQL), txt("\u0662\u0660\u0662\u0666-\u0660\u0661-\u0660\u0661"), txt(KB_200));
        List<JsonNode> badUser = List.of(num(1), F.booleanNode(false), F.arrayNode(), arr(txt("bob")), F.objectNode(),
                txt("zed"), txt("ivan"), txt("IVAN"), txt(SQL), txt("%"), txt("bob\u0000"), txt("b".repeat(256)), txt(KB_200),
                txt("JIRAUSER10002"), txt("Bob Brown"));
        List<JsonNode> badNote = List.of(num(1), F.arrayNode(), F.objectNode(), txt("n\u0000"), txt("n".repeat(10_001)));
        switch (t.name()) {
            case "create domain", "change domain" -> {
                if (t.method().equals("POST")) {
                    wrong.put("key", List.of(num(1), F.booleanNode(true), F.arrayNode(), F.objectNode(), txt("R"), txt("1ABC"),
                            txt("_ABC"), txt("R-FZ"), txt("R FZ"), txt("r_fz_lower"), txt("R".repeat(21)), txt("R_FZ\u0000"),
                            txt(SQL), txt("\uD83D\uDE80"), txt("R_FZ\u00C4"), txt(KB_200)));
                } else {
                    wrong.put("key", List.of(txt("R_OTHER"), num(1), txt("1ABC")));
                }
                List<JsonNode> names = new ArrayList<>(badName);
                names.addAll(List.of(txt(""), txt("   "), F.nullNode()));
                wrong.put("name", names);
                wrong.put("description", badNote);
                wrong.put("scope", List.of(num(1), txt("DEMO"), F.arrayNode(), arr(txt("DEMO")), F.booleanNode(true),
                        scope("projects", txt("DEMO")), scope("projects", arr(num(1))), scope("projects", arr(txt(""))),
                        scope("projects", arr(F.nullNode())), scope("projects", arr(arr(txt("DEMO")))),
                        scope("projects", many(txt("DEMO"), 101)), scope("labels", arr(txt("a\u0000"))),
                        scope("components", arr(txt("c".repeat(256)))), scope("colour", arr(txt("red"))),
                        scope("issueTypes", F.objectNode()), scope("spaces", num(1))));
            }
            default -> {
            }
        }
        if (t.name().contains("grant")) {
            List<JsonNode> holders = new ArrayList<>(List.of(num(1), txt("alice"), F.arrayNode(), F.objectNode(),
                    obj("type", "user"), obj("name", "alice"), pair("robot", "alice"), pair("", "alice"), pair("user", "zed"),
                    pair("user", "ivan"), pair("group", "nope"), pair("group", SQL), pair("user", ""), pair("user", "  "),
                    pair("user", "a\u0000"), pair("group", "g".repeat(256)), pair("user", KB_200), F.nullNode()));
            ObjectNode typeNum = F.objectNode();
            typeNum.put("type", 1);
            typeNum.put("name", "alice");
            holders.add(typeNum);
            ObjectNode extra = pair("user", "alice");
            extra.put("colour", "red");
            holders.add(extra);
            ObjectNode withKey = pair("user", "alice");
            withKey.put("key", "JIRAUSER10001");
            holders.add(withKey);
            wrong.put("holder", holders);
            wrong.put("level", List.of(num(0), num(8), num(-1), txt("SUPREME"), num(1.5), num(5.0), F.booleanNode(true),
                    F.arrayNode(), arr(num(5)), F.objectNode(), txt(""), txt("0"), txt("8"), txt("5.0"), txt("\uFF15"),
                    num(2147483648L), F.numberNode(new BigInteger("99999999999999999999")), txt("ADVISE\u0000"), F.nullNode(),
                    txt(KB_200)));
            wrong.put("backup", badUser);
            wrong.put("mentee", badUser);
            wrong.put("validFrom", badDate);
            wrong.put("validTo", badDate);
            wrong.put("note", badNote);
        }
        if (t.name().equals("add absence")) {
            wrong.put("user", badUser);
            List<JsonNode> from = new ArrayList<>(badDate);
            from.add(F.nullNode());
            from.add(txt(""));
            wrong.put("from", from);
            wrong.put("to", from);
            wrong.put("note", badNote);
        }
        for (Map.Entry<String, List<JsonNode>> field : wrong.entrySet()) {
            String f = field.getKey();
            String[] named = f.equals("scope") ? new String[]{"scope", "scope.projects", "scope.labels", "scope.components",
                    "scope.colour", "scope.issueTypes", "scope.spaces"} : new String[]{f};
            for (JsonNode value : field.getValue()) {
                ObjectNode body = t.valid().get();
                body.set(f, value);
                add(t, f + "=" + describe(value), body.toString(), Expect.bad(named));
            }
            ObjectNode huge = t.valid().get();
            huge.put(f, ONE_MB);
            add(t, f + "=1 MB", huge.toString(), Expect.tooLarge());
        }
        // rules across fields
        if (t.name().contains("grant")) {
            ObjectNode reversed = t.valid().get();
            reversed.put("validFrom", "2027-01-02");
            reversed.put("validTo", "2027-01-01");
            add(t, "validTo before validFrom", reversed.toString(), Expect.bad("validTo"));
            ObjectNode noHolder = t.valid().get();
            noHolder.remove("holder");
            add(t, "no holder", noHolder.toString(), Expect.bad("holder"));
            ObjectNode noLevel = t.valid().get();
            noLevel.remove("level");
            add(t, "no level", noLevel.toString(), Expect.bad("level"));
        }
        if (t.name().equals("add absence")) {
            ObjectNode reversed = absenceBody();
            reversed.put("to", "2033-04-30");
            add(t, "to before from", reversed.toString(), Expect.bad("to"));
            ObjectNode tooLong = absenceBody();
            tooLong.put("to", "2034-05-10");
            add(t, "a year and more", tooLong.toString(), Expect.bad("to"));
        }
        if (t.name().equals("create domain")) {
            ObjectNode noKey = t.valid().get();
            noKey.remove("key");
            add(t, "no key", noKey.toString(), Expect.bad("key"));
            ObjectNode existing = t.valid().get();
            existing.put("key", DOMAIN);
            add(t, "an existing key", existing.toString(), new Expect(Set.of(409), Set.of("key")));
        }
        // versions of the PUTs
        if (t.method().equals("PUT")) {
            ObjectNode valid = t.valid().get();
            int v = valid.get("version").asInt();
            for (JsonNode bad : List.of(num(-1), num(1.5), txt(String.valueOf(v)), F.booleanNode(true), F.arrayNode(),
                    num(2147483648L), txt(SQL))) {
                ObjectNode body = t.valid().get();
                body.set("version", bad);
                add(t, "version=" + describe(bad), body.toString(), Expect.bad("version"));
            }
            for (int stale : new int[]{v + 1, v - 1, 0, 1000}) {
                ObjectNode body = t.valid().get();
                body.put("version", stale);
                add(t, "stale version " + stale, body.toString(), Expect.stale());
            }
            ObjectNode none = t.valid().get();
            none.remove("version");
            add(t, "no version", none.toString(), Expect.bad("version"));
        }
        // unknown fields
        for (String unknown : List.of("colour", "Level", "LEVEL", "", " ", "__proto__", "a\u0000b", "<script>", SQL, "u".repeat(10_000))) {
            ObjectNode body = t.valid().get();
            body.put(unknown, "x");
            add(t, "unknown field " + describe(txt(unknown)), body.toString(), Expect.bad(unknown));
        }
    }

    private void generateStructuralCases(Target t) {
        String valid = t.valid().get().toString();
        for (int i = 0; i < valid.length(); i++) {
            addRaw(t, "truncated to " + i, valid.substring(0, i).getBytes(StandardCharsets.UTF_8), Expect.bad("body"));
        }
        String inner = valid.substring(1, valid.length() - 1);
        for (String body : List.of(valid + "x", valid + "}", valid + "{}", valid + valid, "{" + inner + ",}", "{," + inner + "}",
                "{" + inner.replace("\"", "'") + "}", "{" + inner + ",\"x\":NaN}", "{" + inner + ",\"x\":01}", "\u0000" + valid,
                "<domain/>", "[]", "[" + valid + "]", "\"x\"", "1", "true", "null", "", " ", "[".repeat(2000) + "]".repeat(2000),
                "{\"a\":".repeat(2000) + "1" + "}".repeat(2000), "[".repeat(200_000))) {
            addRaw(t, "malformed " + describe(txt(body)), body.getBytes(StandardCharsets.UTF_8), Expect.bad("body"));
        }
        addRaw(t, "1 MB of garbage", ONE_MB.getBytes(StandardCharsets.UTF_8), Expect.tooLarge());
        addRaw(t, "1 MB of spaces after a valid body", (valid + " ".repeat(1024 * 1024)).getBytes(StandardCharsets.UTF_8), Expect.tooLarge());
        String[] around = valid.split("\"note\":\"[^\"]*\"|\"description\":\"[^\"]*\"", 2);
        for (byte[] junk : new byte[][]{{(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}}) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes((around[0] + "\"note\":\"").getBytes(StandardCharsets.UTF_8));
            b.writeBytes(junk);
            b.writeBytes(("\"" + around[1]).getBytes(StandardCharsets.UTF_8));
            addRaw(t, "invalid UTF-8 " + Arrays.toString(junk), b.toByteArray(), Expect.bad("body"));
        }
        // a key given twice: 400 naming the key, or the field it sits in
        ObjectNode first = t.valid().get();
        String firstField = first.fieldNames().next();
        addRaw(t, "the key " + firstField + " twice", ("{" + inner + ",\"" + firstField + "\":" + first.get(firstField) + "}")
                .getBytes(StandardCharsets.UTF_8), Expect.bad(firstField));
        if (t.name().contains("grant")) {
            addRaw(t, "level twice", ("{" + inner + ",\"level\":\"DELEGATE\"}").getBytes(StandardCharsets.UTF_8), Expect.bad("level"));
            addRaw(t, "a key twice inside holder", ("{" + inner.replace("{\"type\":\"user\"", "{\"type\":\"user\",\"type\":\"group\"") + "}")
                    .getBytes(StandardCharsets.UTF_8), Expect.bad("holder"));
        }
        if (t.name().contains("domain")) {
            addRaw(t, "a key twice inside scope", ("{" + inner.replace("\"projects\":[\"DEMO\"]", "\"projects\":[\"DEMO\"],\"projects\":[\"OPS\"]") + "}")
                    .getBytes(StandardCharsets.UTF_8), Expect.bad("scope"));
        }
    }

    private void generatePathAndListCases() {
        for (String id : List.of("abc", "-1", "1e3", "99999999999999999999", "0", "%20", "1.0", "\u0661")) {
            String p = "/grants/" + SecurityHttp.enc(id);
            cases.add(new Case("GET grant " + id, "GET", p, null, Expect.notFound()));
            cases.add(new Case("PUT grant " + id, "PUT", p, grantBody(1).toString().getBytes(StandardCharsets.UTF_8), Expect.notFound()));
            cases.add(new Case("DELETE grant " + id, "DELETE", p, null, Expect.notFound()));
            cases.add(new Case("DELETE absence " + id, "DELETE", "/absences/" + SecurityHttp.enc(id), null, Expect.notFound()));
        }
        for (String key : List.of("R_NOPE", "r_nope", "%27%20OR%201%3D1", "x".repeat(300))) {
            cases.add(new Case("GET domain " + key, "GET", "/domains/" + key, null, Expect.notFound()));
            cases.add(new Case("DELETE domain " + key, "DELETE", "/domains/" + key, null, Expect.notFound()));
            cases.add(new Case("POST grant to " + key, "POST", "/domains/" + key + "/grants",
                    grantBody(null).toString().getBytes(StandardCharsets.UTF_8), Expect.notFound()));
        }
        for (String list : List.of("/domains", "/domains/" + DOMAIN + "/grants", "/absences")) {
            cases.add(new Case(list + " startAt=-1", "GET", list + "?startAt=-1", null, Expect.bad("startAt")));
            cases.add(new Case(list + " maxResults=1001", "GET", list + "?maxResults=1001", null, Expect.bad("maxResults")));
            cases.add(new Case(list + " maxResults=x", "GET", list + "?maxResults=x", null, Expect.bad("maxResults")));
            cases.add(new Case(list + " startAt=+1", "GET", list + "?startAt=%2B1", null, Expect.bad("startAt")));
        }
        cases.add(new Case("absences from=2026-13-01", "GET", "/absences?from=2026-13-01", null, Expect.bad("from")));
        cases.add(new Case("absences to=tomorrow", "GET", "/absences?to=tomorrow", null, Expect.bad("to")));
        cases.add(new Case("absences to before from", "GET", "/absences?from=2033-01-02&to=2033-01-01", null, Expect.bad("to")));
        cases.add(new Case("absences user=zed", "GET", "/absences?user=zed", null, Expect.bad("user")));
        cases.add(new Case("absences user=300 chars", "GET", "/absences?user=" + "u".repeat(300), null, Expect.bad("user")));
    }

    private void add(Target t, String label, String json, Expect expect) {
        addRaw(t, label, json.getBytes(StandardCharsets.UTF_8), expect);
    }

    private void addRaw(Target t, String label, byte[] body, Expect expect) {
        cases.add(new Case(t.name() + ": " + label, t.method(), t.path(), body, expect));
    }

    /** Sent outside the contract on purpose: the answer is held against it (a refusal in its error shape). */
    private void run(Case c) {
        Reply reply;
        try {
            reply = SecurityHttp.send(Contract.Check.RESPONSE, c.method(), api + c.path(), "admin",
                    c.body() == null ? null : Map.of("Content-Type", "application/json"), c.body());
        } catch (AssertionError contract) {
            failures.add(c.label() + " [" + c.method() + " " + abbreviate(c.path()) + "]: " + contract.getMessage());
            return;
        }
        byStatus.merge(reply.status(), 1, Integer::sum);
        String problem = null;
        if (reply.status() >= 500) {
            problem = "a 5xx";
        } else if (!c.expect().statuses().contains(reply.status())) {
            problem = "expected " + c.expect().statuses();
        } else {
            problem = errorShapeProblem(reply, c.expect());
        }
        if (problem != null) {
            failures.add(c.label() + " [" + c.method() + " " + abbreviate(c.path()) + "]: " + problem + ", got " + reply);
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
        if ((s == 400 || s == 409 || s == 413) && e.fields().stream().noneMatch(f -> body.get("errors").has(f))) {
            return "\"errors\" does not name " + e.fields();
        }
        return null;
    }

    /** The matrix as the admin sees it, and the row counts of the authority's tables. */
    private static String snapshot() {
        StringBuilder s = new StringBuilder();
        for (String path : List.of("/domains?maxResults=1000", "/domains/" + DOMAIN, "/domains/" + DOMAIN + "/grants?maxResults=1000",
                "/domains/" + DOMAIN + "/history", "/grants/" + grantId, "/absences?maxResults=1000")) {
            s.append(path).append(' ').append(SecurityHttp.get(api + path, "admin").body()).append('\n');
        }
        s.append(rowCounts());
        return s.toString();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, Integer> rowCounts() {
        ProductNode node = RunningHost.get().jira();
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (String entity : List.of("DomainEntity", "DomainScopeEntity", "GrantEntity", "AbsenceEntity", "MatrixAuditEntity")) {
            try {
                Class type = node.plugin().classLoader().loadClass("io.mandate.authority." + entity);
                counts.put(entity, node.activeObjects().count(type));
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
        return counts;
    }

    // ---- JSON helpers ----------------------------------------------------------------------------------------

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

    private static ObjectNode scope(String field, JsonNode value) {
        ObjectNode o = F.objectNode();
        o.set(field, value);
        return o;
    }

    private static String describe(JsonNode value) {
        String s = value.toString();
        return s.length() > 50 ? s.substring(0, 50) + "…(" + s.length() + ")" : s;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
