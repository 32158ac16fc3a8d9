package io.mandate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mandate.it.SecurityHttp.Reply;
import io.mandate.refhost.ProductNode;
import io.mandate.testing.Contract;
import io.mandate.testing.RunningHost;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.mandate.it.SecurityHttp.enc;
import static org.junit.Assert.assertEquals;

/**
 * Every REST resource method that {@link DecisionFuzzIT} and {@link AuthorityFuzzIT} do not fuzz, fed bad input (issue 11
 * item 3): odd keys and ids in paths (SQL and CSV-formula meta-characters, NUL, emoji, 5,000 characters, numbers that
 * overflow), DELETEs with bad {@code version} values, the reports with unknown, several and huge scopes and bad dates,
 * the matrix CSV import with malformed files (wrong header, bad encodings, formula cells, levels 0/8/-1/"SUPREME",
 * unknown users, 1 MB cells, unterminated quotes), both backups' imports with malformed files, and Confluence's
 * charters (wrong types for every field, NUL, 1 MB strings, unknown users, duplicate keys, malformed JSON, bad versions).
 *
 * <p>For every answer: never 5xx; every 4xx is {"message": string, "errors": object} naming the field or parameter the
 * case breaks (413: {@code body}); the matrix import's own answer (200 for a dry run, 400 otherwise) lists the lines it
 * refuses. Afterwards both products' databases hold exactly what they held before: the row count and a SHA-256 of the
 * content of every Mandate Active Objects table ({@code AO_*}), read over JDBC.
 */
public class RestFuzzIT {

    /** The resource methods fuzzed here, as {@code product METHOD template} (FuzzCoverageTest holds every method to one). */
    static final List<String> FUZZED = List.of(
            "jira GET /absences/{id}",
            "jira GET /authority/{issueKey}",
            "jira GET /backup",
            "jira POST /backup",
            "jira GET /domains/{domainKey}/history",
            "jira DELETE /domains/{domainKey}",
            "jira DELETE /grants/{grantId}",
            "jira DELETE /absences/{id}",
            "jira GET /matrix.csv",
            "jira POST /matrix.csv",
            "jira GET /reports/accountability",
            "jira GET /reports/whatif",
            "confluence GET /backup",
            "confluence POST /backup",
            "confluence GET /charters",
            "confluence GET /charters/{teamKey}",
            "confluence PUT /charters/{teamKey}",
            "confluence DELETE /charters/{teamKey}");

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String ONE_MB = "x".repeat(1024 * 1024);
    private static final String SQL_OR = "' OR 1=1 --";
    private static final String SQL_DROP = "\"; DROP TABLE AO_DECISION; --";
    private static final String FORMULA = "=HYPERLINK(\"http://evil\",\"x\")";
    private static final String EMOJI = "\uD83D\uDE80";
    private static final String TEAM = "R_RFZ";
    private static final String CSV_HEADER = "domain,holder_type,holder,level,backup,mentee,valid_from,valid_to,note\r\n";
    /** Values no key, id or name is: each must be an answer of its own, never a match for something else. */
    private static final List<String> ODD = List.of(SQL_OR, SQL_DROP, "%", "_", "*", "'", FORMULA, "+1", "-1", "@SUM(A1)",
            EMOJI, "a" + EMOJI, "\u202E3-SPO", "<script>alert(1)</script>", "0", "99999999999999999999", "2147483648", "1e3",
            "0x1", "\u0661", "A".repeat(5000), "NOPE-1", "ops 3", ".");

    /**
     * The notification queue's tables, which the scheduled job (every minute, off any request) writes while earlier tests'
     * notices are sent: left out of the comparison. Only a decision write queues a notice, and the decision tables are
     * compared; the job is run once before the first digest so the queue is mostly settled.
     */
    private static final java.util.regex.Pattern JOB_TABLES = java.util.regex.Pattern.compile("_(MAIL|NOTICE|MAIL_CLAIM|NOTIFIED)\"$");

    private static String jira;
    private static String confluence;

    /** What an answer may be: statuses, the fields a 400/409/413 must name one of (empty: any), and its form. */
    record Expect(Set<Integer> statuses, Set<String> fields, Form form) {
        static Expect bad(String... fields) {
            return new Expect(Set.of(400), Set.of(fields), Form.ERROR);
        }

        static Expect notFound() {
            return new Expect(Set.of(404), Set.of(), Form.ERROR);
        }

        static Expect ok() {
            return new Expect(Set.of(200), Set.of(), Form.ERROR);
        }

        static Expect tooLarge() {
            return new Expect(Set.of(413), Set.of("body"), Form.ERROR);
        }

        static Expect badOrStale(String field) {
            return new Expect(Set.of(400, 409), Set.of(field, "version"), Form.ERROR);
        }

        /** An answer (200, or a 4xx naming the parameter): for values a filter may find nothing for, or refuse. */
        static Expect okOrBad(String field) {
            return new Expect(Set.of(200, 400, 404), Set.of(field), Form.ERROR);
        }

        /** Refused by the servlet container before the plugin sees it (Jetty's own 4xx page is fine). */
        static Expect container() {
            return new Expect(Set.of(400, 404, 405, 414, 431), Set.of(), Form.CONTAINER);
        }

        /** The matrix import's own answer listing refused lines (200 dry run / 400 import), or a refusal of the body. */
        static Expect csvRefused(boolean dry) {
            return new Expect(dry ? Set.of(200, 400, 413) : Set.of(400, 413), Set.of("body"), Form.CSV_REFUSED);
        }

        /** A dry run that may accept the file (a formula cell is kept as text): any import answer. */
        static Expect csvChecked() {
            return new Expect(Set.of(200), Set.of(), Form.CSV_ANY);
        }
    }

    enum Form { ERROR, CONTAINER, CSV_REFUSED, CSV_ANY }

    record Case(String target, String label, String method, String url, String contentType, byte[] body, Expect expect) {
    }

    private final List<Case> cases = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> byStatus = new TreeMap<>();

    @BeforeClass
    public static void fixture() {
        jira = RunningHost.jira() + "/rest/mandate/1.0";
        confluence = RunningHost.confluence() + "/rest/mandate/1.0";
        SecurityHttp.delete(confluence + "/charters/" + TEAM, "admin");
        SecurityHttp.delete(confluence + "/charters/" + TEAM + "_NEW", "admin");
        Reply c = SecurityHttp.putJson(confluence + "/charters/" + TEAM, "admin", charter(TEAM, null).toString());
        assertEquals(c.toString(), 200, c.status());
    }

    @AfterClass
    public static void removeFixture() {
        SecurityHttp.delete(confluence + "/charters/" + TEAM, "admin");
    }

    private static ObjectNode charter(String key, Integer version) {
        ObjectNode b = F.objectNode();
        b.put("teamKey", key);
        b.put("name", "Fuzz team");
        b.put("space", "TEAM");
        b.put("purpose", "Fuzz baseline");
        ObjectNode m = b.putArray("members").addObject();
        m.put("name", "alice");
        m.put("role", "Lead");
        b.putArray("domains").add("RELEASE");
        if (version != null) {
            b.put("version", version);
        }
        return b;
    }

    // ---- the run -----------------------------------------------------------------------------------------

    @Test
    public void badInputOnEveryOtherEndpointIsA4xxNamingTheFieldAndChangesNothing() {
        long started = System.nanoTime();
        RunningHost.runJiraJob(RunningHost.NOTIFICATION_JOB);
        Map<String, String> before = databases();
        pathCases();
        reportCases();
        csvCases();
        backupCases();
        charterCases();
        Set<String> targeted = new LinkedHashSet<>();
        cases.forEach(c -> targeted.add(c.target()));
        assertEquals("every target of the table has cases, and no case targets anything else", new LinkedHashSet<>(FUZZED).stream()
                .sorted().toList(), targeted.stream().sorted().toList());
        for (Case c : cases) {
            run(c);
        }
        Map<String, String> after = databases();
        System.out.printf("RestFuzzIT: %d cases over %d endpoints, answers by status %s, %d 5xx, %d AO tables identical (%d queue tables not compared), %d ms%n",
                cases.size(), targeted.size(), byStatus, byStatus.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum(),
                before.keySet().stream().filter(t -> !JOB_TABLES.matcher(t).find() && before.get(t).equals(after.get(t))).count(),
                before.keySet().stream().filter(t -> JOB_TABLES.matcher(t).find()).count(), (System.nanoTime() - started) / 1_000_000);
        for (String table : before.keySet()) {
            if (JOB_TABLES.matcher(table).find()) {
                continue;
            }
            if (!before.get(table).equals(after.get(table))) {
                failures.add(0, "the table " + table + " changed: " + before.get(table) + " -> " + after.get(table));
            }
        }
        if (!before.keySet().equals(after.keySet())) {
            failures.add(0, "the tables changed: " + before.keySet() + " -> " + after.keySet());
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + cases.size() + " cases failed:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(60, failures.size()))));
        }
    }

    // ---- the cases -------------------------------------------------------------------------------------------

    /** Odd keys and ids on the GETs and DELETEs that take one, and DELETE's version parameter. */
    private void pathCases() {
        for (String key : ODD) {
            String p = enc(key);
            Expect e = key.length() > 4000 ? Expect.container() : Expect.notFound();
            add("jira GET /authority/{issueKey}", "GET " + d(key), "GET", jira + "/authority/" + p, e);
            add("jira GET /domains/{domainKey}/history", "GET " + d(key), "GET", jira + "/domains/" + p + "/history", e);
            add("jira GET /absences/{id}", "GET " + d(key), "GET", jira + "/absences/" + p, e);
            add("confluence GET /charters/{teamKey}", "GET " + d(key), "GET", confluence + "/charters/" + p, e);
            add("confluence DELETE /charters/{teamKey}", "DELETE " + d(key), "DELETE", confluence + "/charters/" + p, e);
        }
        add("jira GET /authority/{issueKey}", "lower-case key of an issue", "GET", jira + "/authority/ops-3", Expect.ok());
        add("jira GET /authority/{issueKey}", "NUL in the key", "GET", jira + "/authority/OPS-3%00", Expect.container());
        add("jira GET /authority/{issueKey}", "20,000-character key", "GET", jira + "/authority/" + "A".repeat(20_000), Expect.container());
        add("jira GET /domains/{domainKey}/history", "NUL in the key", "GET", jira + "/domains/R%00/history", Expect.container());
        List<String> versions = List.of("abc", "1.5", "", " ", "-1", "2147483648", "99999999999999999999", "1 OR 1=1", SQL_OR, "%00",
                EMOJI, "\u0669", FORMULA, "0", "1");
        for (String v : versions) {
            String q = "?version=" + enc(v);
            add("jira DELETE /domains/{domainKey}", "unknown domain, version=" + d(v), "DELETE", jira + "/domains/R_NOPE" + q, Expect.notFound());
            add("jira DELETE /grants/{grantId}", "unknown grant, version=" + d(v), "DELETE", jira + "/grants/99999999" + q, Expect.notFound());
            add("jira DELETE /absences/{id}", "unknown absence, version=" + d(v), "DELETE", jira + "/absences/99999999" + q, Expect.notFound());
        }
        // the charter's DELETE reads its version: a bad one is 400 naming it, a stale one 409, and the charter stays
        for (String v : List.of("abc", "1.5", " ", "-1", "2147483648", "99999999999999999999", "1 OR 1=1", SQL_OR, "%00", EMOJI,
                "\u0669", FORMULA, "1e0", "0x1")) {
            add("confluence DELETE /charters/{teamKey}", "version=" + d(v), "DELETE",
                    confluence + "/charters/" + TEAM + "?version=" + enc(v), Expect.bad("version"));
        }
        for (String v : List.of("0", "2", "1000", String.valueOf(Integer.MAX_VALUE))) {
            add("confluence DELETE /charters/{teamKey}", "stale version " + v, "DELETE",
                    confluence + "/charters/" + TEAM + "?version=" + v, new Expect(Set.of(409), Set.of("version"), Form.ERROR));
        }
        add("confluence DELETE /charters/{teamKey}", "NUL in the key", "DELETE", confluence + "/charters/R%00", Expect.container());
        // the downloads take no parameter: odd ones change nothing
        for (String q : List.of("?x=%00", "?dryRun=maybe", "?" + enc(SQL_OR) + "=1", "?a=" + enc(EMOJI))) {
            add("jira GET /matrix.csv", "query " + q, "GET", jira + "/matrix.csv" + q, Expect.ok());
            add("jira GET /backup", "query " + q, "GET", jira + "/backup" + q, Expect.ok());
            add("confluence GET /backup", "query " + q, "GET", confluence + "/backup" + q, Expect.ok());
        }
        // the charter list
        for (String v : List.of("-1", "abc", "1.5", "2147483648", "%00", EMOJI, SQL_OR, "9".repeat(400))) {
            add("confluence GET /charters", "startAt=" + d(v), "GET", confluence + "/charters?startAt=" + enc(v), Expect.bad("startAt"));
            add("confluence GET /charters", "maxResults=" + d(v), "GET", confluence + "/charters?maxResults=" + enc(v), Expect.bad("maxResults"));
        }
        add("confluence GET /charters", "maxResults=1001", "GET", confluence + "/charters?maxResults=1001", Expect.bad("maxResults"));
        for (String s : List.of(SQL_OR, SQL_DROP, "%", "_", "*", "\u0000", EMOJI, FORMULA, "s".repeat(4000), "NOPE")) {
            add("confluence GET /charters", "space=" + d(s), "GET", confluence + "/charters?space=" + enc(s), Expect.okOrBad("space"));
        }
    }

    /** The reports' scopes (unknown, several at once, huge, NUL, emoji, SQL), include, and the what-if's absentees and dates. */
    private void reportCases() {
        for (String report : List.of("accountability", "whatif")) {
            String target = "jira GET /reports/" + report;
            String url = jira + "/reports/" + report + "?" + (report.equals("whatif") ? "absent=bob&" : "");
            for (String param : List.of("project", "domain", "group")) {
                for (String v : List.of("NOPE", "nope", SQL_OR, SQL_DROP, "%", "_", "*", "\u0000", EMOJI, FORMULA, "p".repeat(4000), "",
                        " ", "DEMO,OPS", "DEMO\u0000")) {
                    add(target, param + "=" + d(v), "GET", url + param + "=" + enc(v), Expect.okOrBad(param));
                }
            }
            add(target, "project and domain", "GET", url + "project=DEMO&domain=RELEASE", Expect.bad("project", "domain"));
            add(target, "domain and group", "GET", url + "domain=RELEASE&group=developers", Expect.bad("domain", "group"));
            add(target, "all three scopes", "GET", url + "project=DEMO&domain=RELEASE&group=developers", Expect.bad("project"));
            add(target, "project twice", "GET", url + "project=DEMO&project=OPS", Expect.okOrBad("project"));
        }
        String acc = jira + "/reports/accountability?include=";
        for (String v : List.of("x", "COVERAGE,x", SQL_OR, "\u0000", EMOJI, "c".repeat(4000), "coverage,coverage")) {
            add("jira GET /reports/accountability", "include=" + d(v), "GET", acc + enc(v), Expect.bad("include"));
        }
        // parameters are trimmed (String.trim also drops NUL and other control characters): the same as without them
        add("jira GET /reports/accountability", "include=coverage\\0", "GET", acc + enc("coverage\u0000"), Expect.okOrBad("include"));
        String whatif = jira + "/reports/whatif?";
        for (String v : List.of("zed", SQL_OR, "%", "\u0000", EMOJI, FORMULA, "bob,,alice", ",", "a".repeat(4000),
                String.join(",", java.util.Collections.nCopies(500, "bob")), "JIRAUSER10002", "bob\u0000")) {
            add("jira GET /reports/whatif", "absent=" + d(v), "GET", whatif + "absent=" + enc(v), Expect.okOrBad("absent"));
        }
        add("jira GET /reports/whatif", "absent= 2,000 names (over Jetty's URI limit)", "GET",
                whatif + "absent=" + enc(String.join(",", java.util.Collections.nCopies(2000, "bob"))), Expect.container());
        for (String v : List.of("2026-13-45", "2026-02-30", "tomorrow", "2026/01/01", "+10000-01-01", "\u0000", EMOJI, SQL_OR, "20270101",
                "2027-01-0\u0000", "d".repeat(4000))) {
            add("jira GET /reports/whatif", "from=" + d(v), "GET", whatif + "from=" + enc(v) + "&to=2027-01-10", Expect.bad("from"));
            add("jira GET /reports/whatif", "to=" + d(v), "GET", whatif + "from=2027-01-01&to=" + enc(v), Expect.bad("to"));
        }
        add("jira GET /reports/whatif", "to before from", "GET", whatif + "from=2027-01-10&to=2027-01-01", Expect.bad("to", "from"));
        add("jira GET /reports/whatif", "a window of 100 years", "GET", whatif + "from=2000-01-01&to=2099-12-31",
                Expect.okOrBad("to"));
        add("jira GET /reports/whatif", "nobody and no window", "GET", whatif, Expect.okOrBad("absent"));
        add("jira GET /reports/whatif", "both absentees and a window", "GET", whatif + "absent=bob&from=2027-01-01&to=2027-01-10",
                Expect.okOrBad("absent"));
    }

    /** Malformed matrix files: dry runs (the default) and imports, which must refuse them whole. */
    private void csvCases() {
        String valid = "RELEASE,user,alice,5,bob,carol,2026-01-01,2099-12-31,fuzz\r\n";
        Map<String, byte[]> refused = new LinkedHashMap<>();
        refused.put("empty", new byte[0]);
        refused.put("no header", utf8(valid));
        refused.put("wrong header", utf8("a,b,c\r\n" + valid));
        refused.put("header in another order", utf8("holder_type,domain,holder,level,backup,mentee,valid_from,valid_to,note\r\n" + valid));
        refused.put("header with a formula", utf8("=domain,holder_type,holder,level,backup,mentee,valid_from,valid_to,note\r\n" + valid));
        for (String level : List.of("0", "8", "-1", "SUPREME", "5.0", "", "\uFF15", "99999999999999999999", FORMULA, "=1+1", "5\u0000")) {
            refused.put("level " + d(level), utf8(CSV_HEADER + valid.replace(",5,", "," + csvCell(level) + ",")));
        }
        for (String user : List.of("zed", "ivan", SQL_OR, "%", "bob\u0000", EMOJI, "=cmd|' /C calc'!A0", "u".repeat(300))) {
            refused.put("holder " + d(user), utf8(CSV_HEADER + valid.replace(",alice,", "," + csvCell(user) + ",")));
            refused.put("backup " + d(user), utf8(CSV_HEADER + valid.replace(",bob,", "," + csvCell(user) + ",")));
        }
        for (String domain : List.of("NOPE", "nope", SQL_DROP, "R-1", EMOJI, "R\u0000")) {
            refused.put("domain " + d(domain), utf8(CSV_HEADER + valid.replace("RELEASE,", csvCell(domain) + ",")));
        }
        for (String type : List.of("robot", "", "USER ", "1")) {
            refused.put("holder_type " + d(type), utf8(CSV_HEADER + valid.replace(",user,", "," + csvCell(type) + ",")));
        }
        for (String date : List.of("2026-13-45", "2026-02-30", "tomorrow", "01/01/2026", "+10000-01-01", "=TODAY()")) {
            refused.put("valid_from " + d(date), utf8(CSV_HEADER + valid.replace("2026-01-01", csvCell(date))));
        }
        refused.put("valid_to before valid_from", utf8(CSV_HEADER + valid.replace("2099-12-31", "2025-01-01")));
        refused.put("too few columns", utf8(CSV_HEADER + "RELEASE,user,alice\r\n"));
        refused.put("too many columns", utf8(CSV_HEADER + valid.replace("\r\n", ",x,y\r\n")));
        refused.put("unterminated quote", utf8(CSV_HEADER + valid.replace(",fuzz", ",\"fuzz")));
        refused.put("a quote inside a cell", utf8(CSV_HEADER + valid.replace(",fuzz", ",fu\"zz")));
        refused.put("a 1 MB note", utf8(CSV_HEADER + valid.replace(",fuzz", "," + ONE_MB)));
        refused.put("a 1 MB holder", utf8(CSV_HEADER + valid.replace(",alice,", "," + ONE_MB + ",")));
        refused.put("NUL bytes only", new byte[1024]);
        refused.put("JSON instead", utf8("{\"domain\":\"RELEASE\"}"));
        refused.put("a 2,000-deep quote", utf8(CSV_HEADER + "\"".repeat(2001) + "\r\n"));
        refused.put("UTF-16 with BOM", concat(new byte[]{(byte) 0xFE, (byte) 0xFF}, (CSV_HEADER + valid).getBytes(StandardCharsets.UTF_16BE)));
        refused.put("invalid UTF-8 in the holder", concat(utf8(CSV_HEADER + "RELEASE,user,al"), new byte[]{(byte) 0xC0, (byte) 0xAF},
                utf8("ice,5,bob,carol,2026-01-01,2099-12-31,fuzz\r\n")));
        refused.put("a lone surrogate in the note", concat(utf8(CSV_HEADER + valid.replace("fuzz\r\n", "")),
                new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, utf8("\r\n")));
        refused.put("the same grant twice with other levels", utf8(CSV_HEADER + valid + valid.replace(",5,", ",6,")));
        // files whose reading is not certain (a lenient quote, a BOM, other digits): dry runs only, any answer but a 5xx
        Map<String, byte[]> open = new LinkedHashMap<>();
        for (String k : List.of("header in another order", "a quote inside a cell", "UTF-16 with BOM", "a lone surrogate in the note",
                "the same grant twice with other levels", "level 5.0", "level \uFF15", "level ", "holder_type USER ",
                "level 99999999999999999999", "a 2,000-deep quote")) {
            open.put(k, refused.remove(k));
        }
        for (Map.Entry<String, byte[]> e : open.entrySet()) {
            if (e.getValue() == null) {
                throw new AssertionError("no CSV case " + e.getKey());
            }
            csv(e.getKey() + " (dry run)", "?dryRun=true", e.getValue(), new Expect(Set.of(200, 400, 413), Set.of("body"), Form.CSV_ANY));
        }
        for (Map.Entry<String, byte[]> e : refused.entrySet()) {
            csv(e.getKey() + " (dry run)", "", e.getValue(), Expect.csvRefused(true));
            csv(e.getKey() + " (import)", "?dryRun=false", e.getValue(), Expect.csvRefused(false));
        }
        // formula cells in free text are kept as text (neutralised on the way out): a dry run may accept them
        for (String formula : List.of(FORMULA, "=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "'=1")) {
            csv("note " + d(formula) + " (dry run)", "?dryRun=true", utf8(CSV_HEADER + valid.replace(",fuzz", "," + csvCell(formula))),
                    Expect.csvChecked());
        }
        for (String v : List.of("maybe", "1", "yes", "TRUE1", "\u0000", EMOJI, SQL_OR, "d".repeat(4000))) {
            csv("dryRun=" + d(v), "?dryRun=" + enc(v), utf8(CSV_HEADER + valid), Expect.bad("dryRun"));
        }
        byte[] sixMb = new byte[6 * 1024 * 1024];
        java.util.Arrays.fill(sixMb, (byte) 'x');
        csv("6 MB of garbage", "?dryRun=false", sixMb, Expect.tooLarge());
    }

    /** Malformed backup files for both products: refused whole, in the error shape; dryRun checked first. */
    private void backupCases() {
        List<byte[]> bodies = new ArrayList<>(List.of(new byte[0], utf8("{"), utf8("[]"), utf8("null"), utf8("\"x\""), utf8("{}"),
                utf8("{\"format\":1,\"format\":2}"), utf8("{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}"),
                utf8("{\"format\":\"" + ONE_MB + "\"}"), utf8("\u0000{}"), utf8(SQL_DROP), utf8(CSV_HEADER),
                new byte[]{'{', '"', (byte) 0xC0, (byte) 0xAF, '"', ':', '1', '}'}, utf8("{\"" + EMOJI + "\":[1,2,{]}")));
        for (String product : List.of("jira", "confluence")) {
            String url = (product.equals("jira") ? jira : confluence) + "/backup";
            for (byte[] b : bodies) {
                String label = d(new String(b, StandardCharsets.UTF_8));
                for (String q : List.of("", "?dryRun=true")) {
                    cases.add(new Case(product + " POST /backup", "body " + label + q, "POST", url + q, "application/json", b,
                            new Expect(Set.of(400, 409, 413), Set.of(), Form.ERROR)));
                }
            }
            for (String v : List.of("maybe", "1", "\u0000", EMOJI, SQL_OR)) {
                cases.add(new Case(product + " POST /backup", "dryRun=" + d(v), "POST", url + "?dryRun=" + enc(v), "application/json",
                        utf8("{}"), Expect.bad("dryRun")));
            }
        }
    }

    /** PUT /charters/{teamKey}: every field wrong, malformed JSON, keys twice, bad versions, the path and body disagreeing. */
    private void charterCases() {
        String target = "confluence PUT /charters/{teamKey}";
        String url = confluence + "/charters/" + TEAM;
        String create = confluence + "/charters/" + TEAM + "_NEW";
        Map<String, List<JsonNode>> wrong = new LinkedHashMap<>();
        List<JsonNode> types = List.of(F.numberNode(1), F.booleanNode(true), F.arrayNode(), F.objectNode(), txt("a\u0000"), txt(ONE_MB.substring(0, 200_000)));
        wrong.put("name", cat(types, txt(""), txt("   "), F.nullNode(), txt("n".repeat(10_001))));
        wrong.put("space", cat(types, txt("NOPE"), txt(SQL_OR), txt(EMOJI), txt("s".repeat(300))));
        wrong.put("purpose", cat(types, txt("p".repeat(100_001))));
        wrong.put("teamKey", List.of(F.numberNode(1), txt("R_OTHER"), txt("r_rfz"), txt(SQL_OR), txt("R\u0000")));
        wrong.put("domains", List.of(F.numberNode(1), txt("RELEASE"), F.objectNode(), arr(F.numberNode(1)), arr(F.nullNode()),
                arr(txt("")), arr(txt(SQL_DROP)), arr(txt("R\u0000")), arr(txt("d".repeat(300)))));
        ObjectNode noName = F.objectNode();
        noName.put("role", "x");
        ObjectNode unknownUser = F.objectNode();
        unknownUser.put("name", "zed");
        ObjectNode numName = F.objectNode();
        numName.put("name", 1);
        ObjectNode longRole = F.objectNode();
        longRole.put("name", "alice");
        longRole.put("role", "r".repeat(10_001));
        ObjectNode extra = F.objectNode();
        extra.put("name", "alice");
        extra.put("colour", "red");
        wrong.put("members", List.of(F.numberNode(1), txt("alice"), F.objectNode(), arr(txt("alice")), arr(noName), arr(unknownUser),
                arr(numName), arr(longRole), arr(extra), arr(F.nullNode())));
        for (Map.Entry<String, List<JsonNode>> f : wrong.entrySet()) {
            for (JsonNode v : f.getValue()) {
                ObjectNode replace = charter(TEAM, 1);
                replace.set(f.getKey(), v);
                charter(target, "replace " + f.getKey() + "=" + d(v.toString()), url, replace.toString(), Expect.bad(f.getKey()));
                ObjectNode fresh = charter(TEAM + "_NEW", null);
                fresh.set(f.getKey(), v);
                charter(target, "create " + f.getKey() + "=" + d(v.toString()), create, fresh.toString(), Expect.bad(f.getKey()));
            }
            ObjectNode huge = charter(TEAM, 1);
            huge.put(f.getKey(), ONE_MB);
            charter(target, f.getKey() + "=1 MB", url, huge.toString(), Expect.tooLarge());
        }
        // values that may be accepted (emoji, SQL, formulas as text) carry a stale version: 400 naming the field or 409
        for (String field : List.of("name", "purpose")) {
            for (String v : List.of(EMOJI, SQL_DROP, FORMULA, "=1+1", "@SUM(A1)", "\u202Eabc", "<script>alert(1)</script>")) {
                ObjectNode body = charter(TEAM, 7);
                body.put(field, v);
                charter(target, field + "=" + d(v) + " (stale version)", url, body.toString(), Expect.badOrStale(field));
            }
        }
        // a blank teamKey in the body is read as none (the path names the team): only with a stale version
        ObjectNode blankKey = charter(TEAM, 7);
        blankKey.put("teamKey", "");
        charter(target, "teamKey=\"\" (stale version)", url, blankKey.toString(), Expect.badOrStale("teamKey"));
        for (JsonNode v : List.of(F.numberNode(-1), F.numberNode(1.5), txt("1"), F.booleanNode(true), F.arrayNode(),
                F.numberNode(2147483648L), txt(SQL_OR), F.nullNode())) {
            ObjectNode body = charter(TEAM, 1);
            body.set("version", v);
            charter(target, "version=" + d(v.toString()), url, body.toString(), Expect.bad("version"));
        }
        for (int stale : new int[]{0, 2, 1000}) {
            charter(target, "stale version " + stale, url, charter(TEAM, stale).toString(), new Expect(Set.of(409), Set.of("version"), Form.ERROR));
        }
        ObjectNode noVersion = charter(TEAM, null);
        charter(target, "replacing without a version", url, noVersion.toString(), Expect.bad("version"));
        for (String unknown : List.of("colour", "Name", "", "__proto__", "a\u0000b", SQL_OR)) {
            ObjectNode body = charter(TEAM, 1);
            body.put(unknown, "x");
            charter(target, "unknown field " + d(unknown), url, body.toString(), Expect.bad(unknown));
        }
        String valid = charter(TEAM, 1).toString();
        String inner = valid.substring(1, valid.length() - 1);
        for (int i = 0; i < valid.length(); i += 7) {
            charter(target, "truncated to " + i, url, valid.substring(0, i), Expect.bad("body"));
        }
        for (String body : List.of(valid + "x", valid + valid, "{" + inner + ",}", "{" + inner.replace("\"", "'") + "}", "[]", "\"x\"",
                "null", "", "[".repeat(2000) + "]".repeat(2000), "{\"a\":".repeat(2000) + "1" + "}".repeat(2000), "[".repeat(200_000),
                "{" + inner + ",\"name\":\"Other\"}", "{" + inner + ",\"version\":1}", "\u0000" + valid)) {
            // a key given twice is malformed JSON (400 naming body) or names the key
            charter(target, "malformed " + d(body), url, body, body.contains("\"name\":\"Other\"") ? Expect.bad("name", "body")
                    : body.equals("{" + inner + ",\"version\":1}") ? Expect.bad("version", "body") : Expect.bad("body"));
        }
        charter(target, "1 MB of garbage", url, ONE_MB, Expect.tooLarge());
        for (byte[] junk : new byte[][]{{(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}}) {
            String[] around = valid.split("Fuzz baseline", 2);
            byte[] body = concat(utf8(around[0]), junk, utf8(around[1]));
            cases.add(new Case(target, "invalid UTF-8 " + java.util.Arrays.toString(junk), "PUT", url, "application/json", body, Expect.bad("body")));
        }
        for (String key : List.of(SQL_OR, "r_rfz_lower", "R-RFZ", EMOJI, "R".repeat(300), FORMULA)) {
            ObjectNode body = charter(key, null);
            charter(target, "create with the key " + d(key), confluence + "/charters/" + enc(key), body.toString(),
                    new Expect(Set.of(400, 404), Set.of("teamKey"), Form.ERROR));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private void add(String target, String label, String method, String url, Expect e) {
        cases.add(new Case(target, label, method, url, null, null, e));
    }

    private void csv(String label, String query, byte[] body, Expect e) {
        cases.add(new Case("jira POST /matrix.csv", label, "POST", jira + "/matrix.csv" + query, "text/csv; charset=UTF-8", body, e));
    }

    private void charter(String target, String label, String url, String json, Expect e) {
        cases.add(new Case(target, label, "PUT", url, "application/json", utf8(json), e));
    }

    private void run(Case c) {
        Reply reply;
        try {
            reply = SecurityHttp.send(c.expect().form() == Form.CONTAINER ? Contract.Check.NONE : Contract.Check.RESPONSE,
                    c.method(), c.url(), "admin", c.contentType() == null ? Map.of() : Map.of("Content-Type", c.contentType()), c.body());
        } catch (AssertionError contract) {
            failures.add(c.target() + ": " + c.label() + ": " + contract.getMessage());
            return;
        }
        byStatus.merge(reply.status(), 1, Integer::sum);
        Expect e = c.expect();
        String problem;
        if (reply.status() >= 500) {
            problem = "a 5xx";
        } else if (!e.statuses().contains(reply.status())) {
            problem = "expected " + e.statuses();
        } else if ((e.form() == Form.CSV_REFUSED || e.form() == Form.CSV_ANY) && reply.json() != null
                && reply.json().path("errors").isObject()) {
            problem = errorShapeProblem(reply, new Expect(e.statuses(), Set.of("body"), Form.ERROR));
        } else if (e.form() == Form.CSV_REFUSED) {
            JsonNode j = reply.json();
            problem = j == null || !j.path("errors").isArray() || j.path("errors").isEmpty() || !j.path("message").isTextual()
                    || j.path("applied").asBoolean(true) ? "expected the import's answer listing the refused lines, not applied" : null;
        } else if (e.form() == Form.CSV_ANY) {
            JsonNode j = reply.json();
            problem = j == null || !j.path("errors").isArray() || j.path("applied").asBoolean(true) ? "expected a dry run's answer" : null;
        } else if (reply.status() >= 400 && !(e.form() == Form.CONTAINER && !reply.isJson())) {
            problem = errorShapeProblem(reply, e);
        } else {
            problem = null;
        }
        if (problem != null) {
            failures.add(c.target() + ": " + c.label() + ": " + problem + ", got " + reply);
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

    /** Every Mandate table (AO_*) of both products: its row count and a SHA-256 of its rows in key order. */
    private static Map<String, String> databases() {
        Map<String, String> tables = new TreeMap<>();
        digest("jira", RunningHost.get().jira(), tables);
        digest("confluence", RunningHost.get().confluence(), tables);
        if (tables.size() < 8) {
            throw new AssertionError("the Mandate tables were not found: " + tables.keySet());
        }
        return tables;
    }

    private static void digest(String product, ProductNode node, Map<String, String> tables) {
        DataSource ds = node.database().dataSource();
        try (Connection c = ds.getConnection()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (name.toUpperCase(java.util.Locale.ROOT).startsWith("AO_")) {
                        names.add((rs.getString("TABLE_SCHEM") == null ? "" : "\"" + rs.getString("TABLE_SCHEM") + "\".") + "\"" + name + "\"");
                    }
                }
            }
            for (String table : names) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                int rows = 0;
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        rows++;
                        for (int i = 1; i <= columns; i++) {
                            sha.update(String.valueOf(rs.getObject(i)).getBytes(StandardCharsets.UTF_8));
                            sha.update((byte) 0);
                        }
                        sha.update((byte) '\n');
                    }
                }
                tables.put(product + " " + table, rows + " rows " + HexFormat.of().formatHex(sha.digest()).substring(0, 16));
            }
        } catch (Exception e) {
            throw new AssertionError("cannot read the " + product + " database", e);
        }
    }

    private static JsonNode txt(String s) {
        return F.textNode(s);
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode arr(JsonNode... items) {
        com.fasterxml.jackson.databind.node.ArrayNode a = F.arrayNode();
        for (JsonNode i : items) {
            a.add(i);
        }
        return a;
    }

    private static List<JsonNode> cat(List<JsonNode> first, JsonNode... more) {
        List<JsonNode> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\r") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    private static String d(String s) {
        String q = s.replace("\u0000", "\\0");
        return q.length() > 40 ? q.substring(0, 40) + "…(" + q.length() + ")" : q;
    }
}
