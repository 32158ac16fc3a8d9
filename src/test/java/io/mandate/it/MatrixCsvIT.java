package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mandate.it.SecurityHttp.Reply;
import io.mandate.testing.Contract;
import io.mandate.testing.RunningHost;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.mandate.it.SecurityHttp.assertErrorShape;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * {@code /rest/mandate/1.0/matrix.csv} against the started reference host (docs/rest-api.md, "Matrix CSV"): as
 * admin, three domains C_*, a 500-line file whose dry run names its one bad line, the fixed file imported, the
 * export imported back without a change; the access rules, the XSRF rule for form content types, the 413 for a
 * body over 5 MiB. The C_ domains match no issue (their scope is a label nobody uses) and are removed at the end.
 */
public class MatrixCsvIT {

    private static final List<String> DOMAINS = List.of("C_ARCH", "C_RELEASE", "C_HIRING");
    private static final String HEADER = "domain,holder_type,holder,level,backup,mentee,valid_from,valid_to,note\r\n";
    private static final List<String> USERS = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi");
    private static final List<String> GROUPS = List.of("developers", "leads", "operations", "hr-team");
    /** The 250th grant of the file is the bad one; its line in the file is later, as some notes span two lines. */
    private static final int BAD_ROW = 249;
    private static final Map<String, String> CSV = Map.of("Content-Type", "text/csv; charset=UTF-8");

    private static String api;
    private static String url;

    @BeforeClass
    public static void createDomains() throws Exception {
        api = RunningHost.jira() + "/rest/mandate/1.0";
        url = api + "/matrix.csv";
        for (String key : DOMAINS) {
            createDomain(key);
        }
    }

    @AfterClass
    public static void removeDomains() throws Exception {
        if (api == null) {
            return;
        }
        for (String key : DOMAINS) {
            deleteDomain(key);
        }
    }

    /** The 500-grant file: every record a grant in one of the three domains; grant {@link #BAD_ROW} with {@code level}. */
    private static String fiveHundredLines(String levelOfTheBadLine) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 500; i++) {
            String domain = DOMAINS.get(i % 3);
            boolean group = i % 5 == 0;
            String holder = group ? GROUPS.get(i % GROUPS.size()) : USERS.get(i % USERS.size());
            String level = i == BAD_ROW ? levelOfTheBadLine : String.valueOf(1 + i % 7);
            String backup = group ? "" : USERS.get((i + 1) % USERS.size());
            // distinct validity windows, so a holder may hold several grants in one domain
            String from = java.time.LocalDate.of(2027, 1, 1).plusDays(i).toString();
            String note = i % 50 == 0 ? "\"Grant " + i + ", with a comma, \"\"quotes\"\" and\na line break\"" : "";
            csv.append(domain).append(',').append(group ? "group" : "user").append(',').append(holder).append(',').append(level)
                    .append(',').append(backup).append(",,").append(from).append(",,").append(note).append("\r\n");
        }
        return csv.toString();
    }

    private static Reply post(String query, String user, Map<String, String> headers, String body) {
        return SecurityHttp.send("POST", url + query, user, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Reply export(String user) {
        return SecurityHttp.send("GET", url, user, Map.of("Accept", "text/csv"), null);
    }

    private static JsonNode ok(Reply r) {
        assertEquals(r.toString(), 200, r.status());
        assertTrue(r.toString(), r.isJson());
        return r.json();
    }

    private static String summary(JsonNode json) {
        JsonNode s = json.get("summary");
        return "added=" + s.get("added").asInt() + " changed=" + s.get("changed").asInt() + " removed=" + s.get("removed").asInt()
                + " unchanged=" + s.get("unchanged").asInt();
    }

    @Test
    public void aDryRunNamesTheBadLineThenTheFixedFileIsImportedAndTheExportImportsBackWithoutAChange() {
        // 1. the dry run names the one bad line (as an editor counts lines), and changes nothing
        String bad500 = fiveHundredLines("SUPREME");
        int badLine = (int) bad500.substring(0, bad500.indexOf(",SUPREME,")).chars().filter(c -> c == '\n').count() + 1;
        assertEquals("2 + 249 grants before it + 5 notes with a line break", 256, badLine);
        JsonNode dry = ok(post("?dryRun=true", "admin", CSV, fiveHundredLines("SUPREME")));
        assertTrue(dry.get("dryRun").asBoolean());
        assertFalse(dry.get("applied").asBoolean());
        assertEquals(dry.toString(), 1, dry.get("errors").size());
        JsonNode bad = dry.get("errors").get(0);
        assertEquals(badLine, bad.get("line").asInt());
        assertEquals("level", bad.get("column").asText());
        assertTrue(bad.get("message").asText(), bad.get("message").asText().contains("SUPREME"));
        assertEquals("added=499 changed=0 removed=0 unchanged=0", summary(dry));

        // 2. importing it as it is is refused whole (400, the same problems), and changes nothing
        Reply refused = post("?dryRun=false", "admin", CSV, fiveHundredLines("SUPREME"));
        assertEquals(refused.toString(), 400, refused.status());
        assertEquals(badLine, refused.json().get("errors").get(0).get("line").asInt());
        assertFalse(refused.json().get("applied").asBoolean());
        assertEquals("added=499 changed=0 removed=0 unchanged=0", summary(ok(post("?dryRun=true", "admin", CSV, fiveHundredLines("SUPREME")))));

        // 3. fixed, it is imported
        String fixed = fiveHundredLines("ADVISE");
        JsonNode imported = ok(post("?dryRun=false", "admin", CSV, fixed));
        assertTrue(imported.toString(), imported.get("applied").asBoolean());
        assertEquals(0, imported.get("errors").size());
        assertEquals("added=500 changed=0 removed=0 unchanged=0", summary(imported));
        assertTrue("the import is in the matrix audit trail", matrixAuditRows() >= 500);
        assertEquals(List.of("C_ARCH", "C_HIRING", "C_RELEASE"), texts(imported.get("summary").get("domains")));

        // 4. the export holds them, as an attachment, UTF-8 with BOM
        Reply exported = export("admin");
        assertEquals(exported.toString(), 200, exported.status());
        assertTrue(exported.contentType(), exported.contentType().toLowerCase(java.util.Locale.ROOT).startsWith("text/csv"));
        assertTrue(exported.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"mandate-matrix-"));
        assertTrue(exported.body().startsWith("\uFEFF" + HEADER));
        long ours = exported.body().lines().filter(l -> l.startsWith("C_")).count();
        assertEquals(500, ours);

        // 5. and imported back it changes nothing, in every domain of the instance, and writes no audit entry
        long auditBefore = matrixAuditRows();
        JsonNode again = ok(post("?dryRun=false", "admin", CSV, exported.body()));
        assertEquals("no audit entry", auditBefore, matrixAuditRows());
        assertEquals(again.toString(), 0, again.get("errors").size());
        assertTrue(again.get("applied").asBoolean());
        assertEquals(0, again.get("summary").get("added").asInt() + again.get("summary").get("changed").asInt()
                + again.get("summary").get("removed").asInt());
        assertTrue(again.get("summary").get("unchanged").asInt() >= 500);
        assertEquals("the export is the same afterwards", exported.body(), export("admin").body());

        // 6. the same file as raw bytes without the BOM (curl --data-binary with -H 'Content-Type: text/csv')
        byte[] withoutBom = exported.body().substring(1).getBytes(StandardCharsets.UTF_8);
        JsonNode curlJson = ok(SecurityHttp.send("POST", url + "?dryRun=true", "admin", CSV, withoutBom));
        assertEquals(curlJson.toString(), 0, curlJson.get("errors").size());
        assertEquals(0, curlJson.get("summary").get("added").asInt() + curlJson.get("summary").get("changed").asInt()
                + curlJson.get("summary").get("removed").asInt());

        // 7. a file naming one domain with a changed line: one changed, only there
        JsonNode one = ok(post("?dryRun=true", "admin", CSV, HEADER + "C_HIRING,user,heidi,DELEGATE,,,,,\r\n"));
        assertEquals(List.of("C_HIRING"), texts(one.get("summary").get("domains")));
        assertTrue(one.toString(), one.get("summary").get("removed").asInt() > 100);
    }

    @Test
    public void formContentTypesNeedTheNoCheckToken() {
        // form types and no type at all are outside the contract (text/csv): only the answers are checked
        Reply r = SecurityHttp.send(Contract.Check.RESPONSE, "POST", url + "?dryRun=true", "admin",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), HEADER.getBytes(StandardCharsets.UTF_8));
        assertEquals(r.toString(), 403, r.status());
        Reply none = SecurityHttp.send(Contract.Check.RESPONSE, "POST", url + "?dryRun=true", "admin", Map.of(), HEADER.getBytes(StandardCharsets.UTF_8));
        assertEquals("no Content-Type is form-like too: " + none, 403, none.status());
        JsonNode plain = ok(SecurityHttp.send("POST", url + "?dryRun=true", "admin",
                Map.of("Content-Type", "text/plain", "X-Atlassian-Token", "no-check"), HEADER.getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, plain.get("errors").size());
        JsonNode octets = ok(SecurityHttp.send("POST", url + "?dryRun=true", "admin",
                Map.of("Content-Type", "application/octet-stream"), HEADER.getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, octets.get("errors").size());
        // with the token a form type passes the XSRF check, but the host reads such a body as form fields (as
        // Jira's login filter does): the answer says to send text/csv instead of calling the file empty
        Reply form = SecurityHttp.send(Contract.Check.RESPONSE, "POST", url + "?dryRun=true", "admin",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "X-Atlassian-Token", "no-check"),
                (HEADER + "C_ARCH,user,alice,5,,,,,\r\n").getBytes(StandardCharsets.UTF_8));
        assertErrorShape("form body", expectStatus(400, form));
        assertTrue(form.toString(), form.json().get("errors").get("body").asText().contains("text/csv"));
    }

    @Test
    public void onlyAdministratorsExportOrImport() {
        for (String user : List.of("alice", "erin", "frank")) {
            assertErrorShape(user + " export", expectStatus(403, export(user)));
            assertErrorShape(user + " import", expectStatus(403, post("?dryRun=true", user, CSV, HEADER)));
        }
        assertErrorShape("anonymous export", expectStatus(401, export(null)));
        assertErrorShape("anonymous import", expectStatus(401, post("?dryRun=false", null, CSV, HEADER)));
    }

    @Test
    public void aBodyOverFiveMebibytesIs413AndChangesNothing() {
        StringBuilder big = new StringBuilder(HEADER);
        String line = "C_ARCH,user,alice,5,,,,,padding padding padding padding padding padding padding padding\r\n";
        while (big.length() < 6 * 1024 * 1024) {
            big.append(line);
        }
        Reply r = post("?dryRun=false", "admin", CSV, big.toString());
        assertErrorShape("6 MB", expectStatus(413, r));
        assertTrue(r.toString(), r.json().get("errors").has("body"));
    }

    @Test
    public void aBadDryRunValueAndAnEmptyFileAreNamed() {
        Reply bad = SecurityHttp.send(Contract.Check.RESPONSE, "POST", url + "?dryRun=maybe", "admin", CSV,
                HEADER.getBytes(StandardCharsets.UTF_8)); // outside the contract (a boolean) on purpose
        assertEquals(bad.toString(), 400, bad.status());
        assertTrue(bad.toString(), bad.json().get("errors").has("dryRun"));
        // no body at all is outside the contract (the file is required): only the answer is checked
        Reply empty = SecurityHttp.send(Contract.Check.RESPONSE, "POST", url + "?dryRun=false", "admin", CSV, new byte[0]);
        assertEquals(empty.toString(), 400, empty.status());
        assertEquals(1, empty.json().get("errors").get(0).get("line").asInt());
        assertTrue(empty.json().get("errors").get(0).get("column").isNull());
        JsonNode german = ok(SecurityHttp.send("POST", url + "?dryRun=true", "admin",
                Map.of("Content-Type", "text/csv", "Accept-Language", "de"), "C_ARCH,user,alice,5,,,,,\r\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, german.get("errors").size());
    }

    /** Rows of the matrix audit trail, read from the Jira node's database. */
    private static long matrixAuditRows() {
        String table = new io.mandate.refhost.db.AoTablePrefix("io.mandate").value() + "MATRIX_AUDIT";
        try (java.sql.Connection c = RunningHost.get().jira().database().dataSource().getConnection();
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reply expectStatus(int status, Reply r) {
        assertEquals(r.toString(), status, r.status());
        return r;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    // ---- the C_ domains -----------------------------------------------------------------------------------------

    private static final String SCOPE = "{\"projects\":[],\"issueTypes\":[],\"components\":[],\"labels\":[\"c-matrix-csv-it\"],\"spaces\":[]}";

    /** POST /domains (branch rest); until that endpoint is there, through the plugin's own store. */
    private static void createDomain(String key) throws Exception {
        Reply r = SecurityHttp.send("POST", api + "/domains", "admin", Map.of("Content-Type", "application/json"),
                ("{\"key\":\"" + key + "\",\"name\":\"CSV test " + key + "\",\"scope\":" + SCOPE + "}").getBytes(StandardCharsets.UTF_8));
        if (r.status() == 404 && !r.body().contains(key)) {
            inPlugin("create", key);
            return;
        }
        if (r.status() == 409) {
            return; // left by an earlier run in the same host
        }
        assertEquals(r.toString(), 201, r.status());
    }

    private static void deleteDomain(String key) throws Exception {
        Reply r = SecurityHttp.delete(api + "/domains/" + key, "admin");
        if (r.status() == 404 && !r.body().contains(key)) {
            inPlugin("delete", key);
            return;
        }
        assertTrue(r.toString(), r.status() == 204 || r.status() == 200);
    }

    /** Creates or deletes a domain with the plugin's DomainStore and drops the domain cache (the REST path does both). */
    private static void inPlugin(String what, String key) throws Exception {
        var plugin = RunningHost.get().jira().plugin();
        ClassLoader loader = plugin.classLoader();
        Class<?> storeType = loader.loadClass("io.mandate.authority.DomainStore");
        Object store = plugin.component(storeType);
        if (what.equals("create")) {
            Class<?> scopeType = loader.loadClass("io.mandate.authority.DomainScope");
            Object scope = scopeType.getConstructor(List.class, List.class, List.class, List.class, List.class)
                    .newInstance(List.of(), List.of(), List.of(), List.of("c-matrix-csv-it"), List.of());
            Class<?> domainType = loader.loadClass("io.mandate.authority.Domain");
            Object domain = domainType.getConstructor(String.class, String.class, String.class, scopeType, int.class)
                    .newInstance(key, "CSV test " + key, null, scope, 0);
            Method create = storeType.getMethod("create", domainType);
            try {
                create.invoke(store, domain);
            } catch (java.lang.reflect.InvocationTargetException e) {
                if (!(e.getCause() instanceof IllegalStateException)) {
                    throw e;
                }
            }
        } else {
            storeType.getMethod("delete", String.class).invoke(store, key);
        }
        RunningHost.get().jira().caches().getCache("io.mandate.authority.domains", null, null).removeAll();
        RunningHost.get().jira().caches().getCache("io.mandate.authority.grantsByDomain", null, null).removeAll();
    }

    @Test
    public void theFileIsReadAsUtf8WithOrWithoutBom() {
        byte[] withBom = ("\uFEFF" + HEADER + "C_ARCH,user,alice,5,,,,,Zoë ∑\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] without = (HEADER + "C_ARCH,user,alice,5,,,,,Zoë ∑\r\n").getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(withBom, 3));
        for (byte[] body : List.of(withBom, without)) {
            JsonNode r = ok(SecurityHttp.send("POST", url + "?dryRun=true", "admin", CSV, body));
            assertEquals(r.toString(), 0, r.get("errors").size());
            assertEquals(List.of("C_ARCH"), texts(r.get("summary").get("domains")));
        }
    }
}
