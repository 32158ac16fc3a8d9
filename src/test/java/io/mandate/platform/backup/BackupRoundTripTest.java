package io.mandate.platform.backup;

import io.mandate.authority.AbsenceEntity;
import io.mandate.authority.DomainEntity;
import io.mandate.authority.DomainScopeEntity;
import io.mandate.authority.GrantEntity;
import io.mandate.authority.MatrixAuditEntity;
import io.mandate.backup.JiraBackup;
import io.mandate.charter.CharterAuditEntity;
import io.mandate.charter.CharterBackup;
import io.mandate.charter.CharterDomainEntity;
import io.mandate.charter.CharterEntity;
import io.mandate.charter.CharterMemberEntity;
import io.mandate.decision.AuditEntity;
import io.mandate.decision.DecisionEntity;
import io.mandate.decision.NotificationEntity;
import io.mandate.decision.ParticipantEntity;
import io.mandate.decision.RevisionEntity;
import io.mandate.platform.AuditLog;
import io.mandate.platform.HostClusterLocks;
import io.mandate.platform.HostIdSequences;
import io.mandate.platform.rest.ApiException;
import io.mandate.refhost.dataset.AoTables;
import io.mandate.refhost.dataset.DatasetGenerator;
import io.mandate.refhost.dataset.DatasetSpec;
import io.mandate.refhost.platform.RefCluster;
import io.mandate.refhost.platform.RefClusterLockService;
import io.mandate.refhost.platform.RefTransactionalExecutorFactory;
import io.mandate.refhost.world.World;
import io.mandate.testing.AoTestSupport;
import io.mandate.testing.TableChecksums;
import io.mandate.testing.TestDatabases;
import net.java.ao.Entity;
import net.java.ao.RawEntity;
import org.junit.AfterClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Backup and restore on HSQLDB and PostgreSQL: dataset S (docs/datasets.md) and {@link BackupFixture}'s rows with every
 * field set or null, unicode and longest texts, exported, imported into an empty database and compared row by row — the
 * checksum of every row of every Mandate table the same before and after, ids included — exported again byte for byte
 * the same; refused, changing nothing, when the tables hold rows, when the file is cut off or malformed.
 */
@RunWith(Parameterized.class)
public class BackupRoundTripTest {

    @SuppressWarnings("unchecked")
    static final Class<? extends RawEntity<?>>[] ENTITIES = new Class[]{DecisionEntity.class, ParticipantEntity.class,
            AuditEntity.class, RevisionEntity.class, NotificationEntity.class, DomainEntity.class, DomainScopeEntity.class,
            GrantEntity.class, AbsenceEntity.class, MatrixAuditEntity.class, CharterEntity.class, CharterMemberEntity.class,
            CharterDomainEntity.class, CharterAuditEntity.class,
            // not backed up, but the dataset generator fills the notification queue too: the schema must hold them
            io.mandate.decision.NoticeEntity.class, io.mandate.decision.MailEntity.class, io.mandate.decision.MailClaimEntity.class};
    /** A small page, so the export turns many pages (S has 5,000 audit rows: 51 pages of that table alone). */
    static final int PAGE = 97;
    private static final Map<String, Source> SOURCES = new ConcurrentHashMap<>();
    private static final List<AoTestSupport> OPEN = java.util.Collections.synchronizedList(new ArrayList<>());

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private final String kind;
    private final Source source;

    public BackupRoundTripTest(String kind) {
        this.kind = kind;
        this.source = SOURCES.computeIfAbsent(kind, Source::new);
    }

    /** Dataset S and the fixture in one database, with both products' exports of it. */
    static final class Source {
        final AoTestSupport ao;
        final Map<String, TableChecksums.Checksum> jiraSums;
        final Map<String, TableChecksums.Checksum> confluenceSums;
        final byte[] jira;
        final byte[] confluence;
        final List<String> exportStatements;
        final List<AuditLog.Entry> audit = new ArrayList<>();

        Source(String kind) {
            ao = open(kind);
            World.open(ao.database().dataSource(), World.Contents.NONE);
            new DatasetGenerator(ao.database().dataSource(), ao.database().kind(), tables(ao))
                    .generate(DatasetSpec.S, 7, LocalDate.of(2026, 12, 1));
            new BackupFixture(ao.activeObjects()).jira();
            new BackupFixture(ao.activeObjects()).confluence();
            jiraSums = checksums(ao, JiraBackup.FILE);
            confluenceSums = checksums(ao, CharterBackup.FILE);
            ao.sql().start();
            jira = export(backups(ao, audit), JiraBackup.FILE);
            exportStatements = ao.sql().stop();
            confluence = export(backups(ao, audit), CharterBackup.FILE);
        }
    }

    @AfterClass
    public static void close() {
        OPEN.forEach(AoTestSupport::close);
        OPEN.clear();
        SOURCES.clear();
    }

    static AoTestSupport open(String kind) {
        AoTestSupport ao = new AoTestSupport(kind, ENTITIES);
        OPEN.add(ao);
        return ao;
    }

    static AoTables tables(AoTestSupport ao) {
        return AoTables.of(ao.activeObjects().entityManager(), BackupRoundTripTest.class.getClassLoader());
    }

    static Backups backups(AoTestSupport ao, List<AuditLog.Entry> audit) {
        return new Backups(ao.entities(), new HostIdSequences(new RefTransactionalExecutorFactory(ao.database().pluginDataSource(), ao.sql())),
                new HostClusterLocks(new RefClusterLockService(new RefCluster())), audit::add);
    }

    static byte[] export(Backups backups, BackupFile file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            backups.export(file, out, PAGE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Map<String, TableChecksums.Checksum> checksums(AoTestSupport ao, BackupFile file) {
        AoTables tables = tables(ao);
        return TableChecksums.of(ao.database().dataSource(), file.sections().stream().map(t -> tables.table(t.entity().getName())).toList());
    }

    private static Backups.Result restore(AoTestSupport into, BackupFile file, byte[] bytes, boolean dryRun) {
        return backups(into, new ArrayList<>()).restore(file, new ByteArrayInputStream(bytes), dryRun);
    }

    // ---- the round trip ------------------------------------------------------------------------------------------

    @Test
    public void theImportHoldsEveryRowOfEveryTableWithItsIdsAndValues() {
        AoTestSupport target = open(kind);
        Backups.Result result = restore(target, JiraBackup.FILE, source.jira, false);
        assertTrue(result.imported());
        Map<String, TableChecksums.Checksum> after = checksums(target, JiraBackup.FILE);
        assertSameRows(source.ao, target, JiraBackup.FILE);
        assertEquals(source.jiraSums, after);
        long rows = source.jiraSums.values().stream().mapToLong(TableChecksums.Checksum::rows).sum();
        assertEquals(rows, result.total());
        assertTrue("dataset S and the fixture: " + rows, rows > 13_000 - 5_000);
        source.jiraSums.forEach((table, sum) -> assertTrue(table + " has rows", sum.rows() > 0));

        AoTestSupport charters = open(kind);
        restore(charters, CharterBackup.FILE, source.confluence, false);
        assertSameRows(source.ao, charters, CharterBackup.FILE);
        assertEquals(source.confluenceSums, checksums(charters, CharterBackup.FILE));
        source.confluenceSums.forEach((table, sum) -> assertTrue(table + " has rows", sum.rows() > 0));
        long charterRows = source.confluenceSums.values().stream().mapToLong(TableChecksums.Checksum::rows).sum();
        System.out.printf("BackupRoundTripTest[%s]: Jira %,d rows in %d tables (%,d bytes, %d statements to export), Confluence %,d rows"
                        + " in %d tables (%,d bytes); every row's checksum the same after the import: %s%n", kind, rows,
                source.jiraSums.size(), source.jira.length, source.exportStatements.size(), charterRows, source.confluenceSums.size(),
                source.confluence.length, digest(source.jiraSums.toString() + source.confluenceSums));
    }

    private static String digest(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** On a difference, the rows that differ (the checksums alone would not say which). */
    private static void assertSameRows(AoTestSupport from, AoTestSupport to, BackupFile file) {
        AoTables a = tables(from);
        AoTables b = tables(to);
        for (BackupTable t : file.sections()) {
            List<String> before = TableChecksums.rows(from.database().dataSource(), a.table(t.entity().getName()));
            List<String> after = TableChecksums.rows(to.database().dataSource(), b.table(t.entity().getName()));
            if (!before.equals(after)) {
                List<String> missing = new ArrayList<>(before);
                missing.removeAll(after);
                List<String> extra = new ArrayList<>(after);
                extra.removeAll(before);
                fail(t + ": " + missing.size() + " rows differ, e.g. before " + missing.stream().limit(1).toList()
                        + " after " + extra.stream().limit(1).toList());
            }
        }
    }

    @Test
    public void exportingTheImportAgainGivesTheSameBytes() {
        AoTestSupport target = open(kind);
        restore(target, JiraBackup.FILE, source.jira, false);
        assertArrayEquals(source.jira, export(backups(target, new ArrayList<>()), JiraBackup.FILE));
        assertArrayEquals("and the same with the default page", source.jira, exportDefault(target, JiraBackup.FILE));
        AoTestSupport charters = open(kind);
        restore(charters, CharterBackup.FILE, source.confluence, false);
        assertArrayEquals(source.confluence, export(backups(charters, new ArrayList<>()), CharterBackup.FILE));
    }

    private static byte[] exportDefault(AoTestSupport ao, BackupFile file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            backups(ao, new ArrayList<>()).export(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    public void afterAnImportEveryTableHandsOutIdsAboveTheImportedOnes() {
        AoTestSupport target = open(kind);
        restore(target, JiraBackup.FILE, source.jira, false);
        restore(target, CharterBackup.FILE, source.confluence, false);
        for (BackupFile file : List.of(JiraBackup.FILE, CharterBackup.FILE)) {
            for (BackupTable t : file.sections()) {
                int max = maxId(target, t.entity());
                Entity next = target.activeObjects().create(t.entity(), anyRow(t));
                assertTrue(t + ": a new row gets " + next.getID() + ", above " + max, next.getID() > max);
            }
        }
    }

    private static <T extends Entity> int maxId(AoTestSupport ao, Class<T> entity) {
        int[] max = {0};
        ao.entities().stream(entity, net.java.ao.Query.select().order("ID DESC").limit(1), (T e) -> max[0] = e.getID());
        return max[0];
    }

    /** A row every column of which has a value its type takes (unique ones unlikely to clash). */
    private static Map<String, Object> anyRow(BackupTable t) {
        Map<String, Object> row = new HashMap<>();
        for (BackupColumn c : t.columns()) {
            if (c.field().equals("id")) {
                continue;
            }
            row.put(c.column(), switch (c.kind()) {
                case INT -> 1;
                case LONG -> 123_456_789_012L;
                case BOOLEAN -> Boolean.TRUE;
                case TEXT -> "NEW"; // no table has a row with this in a unique column
                case INSTANT -> java.sql.Timestamp.from(BackupFixture.T1);
            });
        }
        return row;
    }

    @Test
    public void theFileHoldsEveryColumnOfEveryRowOnItsOwnLineInIdOrder() {
        String text = new String(source.jira, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertEquals("{\"format\":\"mandate-backup\",", lines.get(0));
        assertEquals("\"formatVersion\":1,", lines.get(1));
        assertEquals("\"product\":\"jira\",", lines.get(2));
        assertEquals("\"modelVersion\":" + Backups.MODEL_VERSION + ",", lines.get(3));
        assertEquals("\"decisions\":[", lines.get(4));
        assertTrue(lines.get(5), lines.get(5).startsWith("{\"id\":1,\"approverKey\":"));
        long rows = source.jiraSums.values().stream().mapToLong(TableChecksums.Checksum::rows).sum();
        long rowLines = lines.stream().filter(l -> l.startsWith("{\"id\":")).count();
        assertEquals("one line per row", rows, rowLines);
        assertTrue(lines.get(lines.size() - 1), lines.get(lines.size() - 1).startsWith("\"rowCounts\":{\"decisions\":"));
        assertTrue("the unicode and the longest texts are there as they are", text.contains(BackupFixture.LONGEST));
        assertTrue("characters beyond the BMP too, not escaped", text.contains("😀 日本\\n\\tzweite Zeile \\u0001 ende"));
        assertTrue(text.contains("\"domainByHand\":null") && text.contains("\"domainByHand\":true") && text.contains("\"domainByHand\":false"));
        assertTrue(text.contains("\"issueId\":9000000001"));
        assertTrue(text.contains("\"createdAt\":\"2026-11-20T10:00:00.123Z\""));
    }

    @Test
    public void theExportReadsEachTableInPagesByIdWithOneStatementPerPage() {
        long expected = 0;
        for (TableChecksums.Checksum sum : source.jiraSums.values()) {
            expected += sum.rows() / PAGE + 1;
        }
        assertEquals(source.exportStatements.toString().substring(0, 300), expected, source.exportStatements.size());
        assertTrue(source.exportStatements.get(0), source.exportStatements.get(0).toUpperCase(java.util.Locale.ROOT).contains("ORDER BY"));
        assertTrue(source.exportStatements.stream().allMatch(s -> s.toUpperCase(java.util.Locale.ROOT).startsWith("SELECT")));
    }

    // ---- refusals --------------------------------------------------------------------------------------------------

    @Test
    public void anImportIntoTablesThatHoldRowsIsRefusedNamingThemAndChangesNothing() {
        ApiException e = refused(source.ao, JiraBackup.FILE, source.jira);
        assertEquals(409, e.status());
        assertEquals(source.jiraSums.keySet().size(), e.errors().size());
        assertTrue(e.errors().toString(), e.errors().containsKey("decisions") && e.errors().get("auditRows") == null);
        assertEquals(source.jiraSums, checksums(source.ao, JiraBackup.FILE));
        ApiException c = refused(source.ao, CharterBackup.FILE, source.confluence);
        assertEquals(409, c.status());
        assertEquals(source.confluenceSums, checksums(source.ao, CharterBackup.FILE));
    }

    @Test
    public void aDryRunChecksTheWholeFileAndWritesNothing() {
        Backups.Result here = restore(source.ao, JiraBackup.FILE, source.jira, true);
        assertTrue(here.dryRun());
        assertEquals(false, here.imported());
        assertEquals("a dry run says the tables here hold rows", JiraBackup.FILE.sections().size(), here.existingRows().size());
        AoTestSupport target = open(kind);
        Backups.Result empty = restore(target, JiraBackup.FILE, source.jira, true);
        assertEquals(Map.of(), empty.existingRows());
        assertEquals(here.rows(), empty.rows());
        assertEquals(0, checksums(target, JiraBackup.FILE).values().stream().mapToLong(TableChecksums.Checksum::rows).sum());
    }

    @Test
    public void aFileCutOffAnywhereIsRefusedAndLeavesTheTablesEmpty() {
        AoTestSupport target = open(kind);
        byte[] file = source.jira;
        String text = new String(file, StandardCharsets.UTF_8);
        int[] cuts = {0, 10, text.indexOf("\"decisions\""), text.indexOf("{\"id\":2,"), text.indexOf("{\"id\":2,") + 30,
                text.indexOf("\"grants\":["), text.indexOf("\"rowCounts\""), file.length - 3, file.length - 2};
        for (int cut : cuts) {
            ApiException e = refused(target, JiraBackup.FILE, Arrays.copyOf(file, cut));
            assertEquals("cut at " + cut + ": " + e.errors(), 400, e.status());
            assertTrue("cut at " + cut + ": " + e.errors(), e.errors().containsKey("body"));
            assertEmpty(target);
        }
        // cut at a row's end and closed by hand: every section there, but the counts do not add up
        int rowEnd = text.indexOf("\n", text.indexOf("{\"id\":2,"));
        String closed = text.substring(0, rowEnd - 1) + "\n],\n" + text.substring(text.indexOf("\"participants\":["));
        ApiException e = refused(target, JiraBackup.FILE, closed.getBytes(StandardCharsets.UTF_8));
        assertEquals(e.errors().toString(), 400, e.status());
        assertTrue(e.errors().toString(), e.errors().containsKey("rowCounts.decisions"));
        assertEmpty(target);
    }

    /** The file with one line replaced; the line number is 1-based, as the error messages give it. */
    private String withLine(int number, String line) {
        List<String> lines = new ArrayList<>(new String(source.jira, StandardCharsets.UTF_8).lines().toList());
        lines.set(number - 1, line);
        return String.join("\n", lines) + "\n";
    }

    private int lineOf(String start) {
        List<String> lines = new String(source.jira, StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError(start);
    }

    private String line(int number) {
        return new String(source.jira, StandardCharsets.UTF_8).lines().toList().get(number - 1);
    }

    @Test
    public void aMalformedFileIsRefusedNamingTheFieldAndTheLineAndChangesNothing() {
        AoTestSupport target = open(kind);
        int first = lineOf("{\"id\":1,\"approverKey\"");
        String row = line(first);
        int grants = lineOf("\"grants\":[") + 1;
        String grant = line(grants);
        String[][] cases = {
                // replaced line, expected field, expected text
                {first + "", row.replaceFirst("\"issueId\":\\d+", "\"issueId\":\"12\""), "decisions[0].issueId", "Line " + first + ": a whole number"},
                {first + "", row.replaceFirst("\"issueId\":\\d+", "\"issueId\":null"), "decisions[0].issueId", "Line " + first + ": a value is required"},
                {first + "", row.replaceFirst("\"issueId\":\\d+,", ""), "decisions[0].issueId", "Line " + first + ": the field is missing"},
                {first + "", row.replaceFirst("\\{\"id\":1,", "{\"id\":1,\"colour\":\"red\","), "decisions[0].colour", "no such field"},
                {first + "", row.replaceFirst("\"createdAt\":\"[^\"]+\"", "\"createdAt\":\"2026-11-20 10:00\""), "decisions[0].createdAt", "an instant"},
                {first + "", row.replaceFirst("\"status\":\"[A-Z_]+\"", "\"status\":\"" + "S".repeat(256) + "\""), "decisions[0].status", "at most 255 characters"},
                {first + "", row.replaceFirst("\"version\":\\d+", "\"version\":2147483648"), "decisions[0].version", "a whole number"},
                {first + "", row.replaceFirst("\\{\"id\":1,", "{\"id\":1,\"id\":1,"), "body", "given more than once"},
                {first + "", row.replaceFirst("\\{\"id\":1,", "{\"id\":0,"), "decisions[0].id", "ids must ascend"},
                {(first + 1) + "", line(first + 1).replaceFirst("\\{\"id\":\\d+,", "{\"id\":1,"), "decisions[1].id", "ids must ascend"},
                {grants + "", grant.replaceFirst("\"grantLevel\":\\d+", "\"grantLevel\":true"), "grants[0].grantLevel", "a whole number"},
                {first + "", "[1,2,3],", "decisions[0]", "must be a JSON object"},
                {"1", "{\"format\":\"something-else\",", "format", "Not a Mandate backup"},
                {"2", "\"formatVersion\":2,", "formatVersion", "Format version 2"},
                {"3", "\"product\":\"confluence\",", "product", "A backup of confluence cannot go into jira"},
                {"5", "\"participants\":[", "decisions", "\"decisions\" is required here"},
        };
        for (String[] c : cases) {
            ApiException e = refused(target, JiraBackup.FILE, withLine(Integer.parseInt(c[0]), c[1]).getBytes(StandardCharsets.UTF_8));
            String what = c[2] + ": " + e.errors();
            assertEquals(what, 400, e.status());
            assertTrue(what, e.errors().containsKey(c[2]));
            assertTrue(what, e.errors().get(c[2]).contains(c[3]));
            assertEmpty(target);
        }
        ApiException model = refused(target, JiraBackup.FILE, withLine(4, "\"modelVersion\":" + (Backups.MODEL_VERSION + 1) + ",")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(409, model.status());
        assertTrue(model.errors().toString(), model.errors().get("modelVersion").contains("model version " + (Backups.MODEL_VERSION + 1)));
        ApiException trailing = refused(target, JiraBackup.FILE, (new String(source.jira, StandardCharsets.UTF_8) + "{}").getBytes(StandardCharsets.UTF_8));
        assertEquals(400, trailing.status());
        assertTrue(trailing.errors().toString(), trailing.errors().get("body").contains("more after the end"));
        byte[] latin1 = new String(source.jira, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("not UTF-8", 400, refused(target, JiraBackup.FILE, latin1).status());
        assertEmpty(target);
    }

    @Test
    public void aRowTheDatabaseRefusesLateInTheFileUndoesTheWholeImport() {
        AoTestSupport target = open(kind);
        // two domains with one key: the unique key fails on the second, long after the decisions were written
        int domains = lineOf("\"domains\":[") + 1;
        String second = line(domains + 1);
        String key = line(domains).replaceAll(".*\"domainKey\":\"([^\"]+)\".*", "$1");
        String file = withLine(domains + 1, second.replaceFirst("\"domainKey\":\"[^\"]+\"", "\"domainKey\":\"" + key + "\""));
        ApiException e = refused(target, JiraBackup.FILE, file.getBytes(StandardCharsets.UTF_8));
        assertEquals(e.errors().toString(), 400, e.status());
        assertTrue(e.errors().toString(), e.errors().get("domains[1]").startsWith("Line " + (domains + 1) + ": the database refused"));
        assertEmpty(target);
    }

    private static ApiException refused(AoTestSupport into, BackupFile file, byte[] bytes) {
        try {
            restore(into, file, bytes, false);
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("the import was not refused");
    }

    private static void assertEmpty(AoTestSupport ao) {
        for (BackupFile file : List.of(JiraBackup.FILE, CharterBackup.FILE)) {
            checksums(ao, file).forEach((table, sum) -> assertEquals(table + " is empty", 0, sum.rows()));
        }
    }
}
