package io.mandate.decision.upgrade;

import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import io.mandate.decision.upgrade.v0.AuditV0;
import io.mandate.decision.upgrade.v0.DecisionV0;
import io.mandate.decision.upgrade.v0.ModelV0;
import io.mandate.decision.upgrade.v0.ParticipantV0;
import io.mandate.decision.upgrade.v0.RevisionV0;
import io.mandate.platform.Person;
import io.mandate.platform.UserDirectory;
import io.mandate.refhost.db.AoTablePrefix;
import io.mandate.refhost.db.AoUpgradeTasks;
import io.mandate.refhost.db.RefActiveObjects;
import io.mandate.refhost.plugin.PluginDescriptor;
import io.mandate.testing.AoTestSupport;
import io.mandate.testing.TestDatabases;
import net.java.ao.EntityManager;
import net.java.ao.RawEntity;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import javax.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;

/**
 * The whole upgrade path over a large model-0 installation: the frozen model-0 schema ({@link ModelV0}) filled with
 * 100,000 rows in bulk (decisions, participants, audit trail with people as usernames, revisions), then what a plugin
 * start does — the descriptor's upgrade tasks through the host's {@link AoUpgradeTasks} (each in its transaction,
 * version recorded), then Active Objects' migration to the descriptor's current entities — and every row compared
 * with what the upgrade must leave: 0 rows lost or added, every value identical, except the audit trail's people
 * fields, converted exactly as model version 1 specifies (written out again here, independently of the task: a key
 * for a username, JSON arrays for lists, unknown names kept), VALUE_FORMAT 1 on every audit row, and the columns
 * added since model 0 empty. SHA-256 checksums of the tables before and after are printed with the counts and times;
 * a second start changes nothing.
 *
 * <p>Rows: 100,000 on PostgreSQL, 20,000 on HSQLDB ({@link #rows}). docs/design/upgrades.md is the policy this test
 * stands for.
 */
@RunWith(Parameterized.class)
public class UpgradeFromModelZeroTest {

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    /**
     * 100,000 rows on PostgreSQL, 20,000 on HSQLDB: both legs at 100,000 took 68 s in one run on the shared 2-core CI
     * machine (34 s each), over the 60 s a test may take there; HSQLDB runs the same code path, and PostgreSQL is the
     * database customers run. {@code -Dmandate.upgrade.rows=N} sets both.
     */
    private static int rows(String kind) {
        return Integer.getInteger("mandate.upgrade.rows", TestDatabases.POSTGRESQL.equals(kind) ? 100_000 : 20_000);
    }

    private static final int INSERT_BATCH = 1_000;
    /** Usernames the directory knows (keys JIRAUSER10000 …); names outside it are "gone" and stay as they are. */
    private static final int PEOPLE = 250;
    private static final long EPOCH = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    private static final String[] AUDIT_FIELDS = {"status", "approver", "driver", "contributors", "informed", "dueDate",
            "outcome", "domain"};

    private final String kind;
    private AoTestSupport ao;

    public UpgradeFromModelZeroTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void setUp() {
        @SuppressWarnings("unchecked")
        Class<? extends RawEntity<?>>[] model0 = ModelV0.ENTITIES.toArray(new Class[0]);
        ao = new AoTestSupport(kind, model0);
    }

    @After
    public void tearDown() {
        ao.close();
    }

    // ---- the people the host knows -------------------------------------------------------------------------------

    /** Usernames as model 0 stored them: plain, with an apostrophe, with umlauts; every 13th one is a deleted user. */
    private static String username(int n) {
        int p = n % PEOPLE;
        return switch (p % 13) {
            case 0 -> "gone" + p;
            case 5 -> "o'neil" + p;
            case 7 -> "jürgen.müller" + p;
            default -> "user" + p;
        };
    }

    private static Optional<String> keyOf(String username) {
        if (username.startsWith("gone")) {
            return Optional.empty();
        }
        int p = Integer.parseInt(username.replaceAll("\\D", ""));
        return Optional.of("JIRAUSER" + (10_000 + p));
    }

    /** The directory the task asks: knows every username but the "gone" ones. */
    private static final class Directory implements UserDirectory {
        @Override
        public Optional<Person> byName(String username) {
            return keyOf(username).map(key -> new Person(key, username, username.toUpperCase(Locale.ROOT)));
        }

        @Override
        public Optional<Person> currentUser() {
            throw new UnsupportedOperationException("an upgrade task runs without a user");
        }

        @Override
        public Optional<Person> byKey(String userKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isActive(Person person) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean groupExists(String group) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isAdmin(Person person) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> emailAddress(Person person) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Locale locale(Person person) {
            throw new UnsupportedOperationException();
        }
    }

    // ---- the rows of model 0, a pure function of their number ----------------------------------------------------

    private static Timestamp at(long offsetMinutes) {
        return new Timestamp(EPOCH + offsetMinutes * 60_000L + offsetMinutes % 1_000); // milliseconds too
    }

    private static List<Object> decision(int i) {
        String project = "P" + (char) ('A' + i % 26) + (char) ('A' + i / 26 % 26);
        String status = List.of("OPEN", "IN_PROGRESS", "DECIDED", "DEFERRED", "REVERSED").get(i % 5);
        String outcome = switch (i % 7) {
            case 0 -> null;
            case 1 -> "Übernehmen wir — 🚀 \"quoted\", 'single', <b>markup</b>, line\nbreak";
            case 2 -> "x".repeat(5_000) + i; // beyond VARCHAR(255): the unlimited column
            default -> "Outcome " + i;
        };
        return Arrays.asList((long) (100_000 + i), project + "-" + (i + 1), project, (long) (i + 1), status,
                i % 11 == 0 ? null : username(i), i % 4 == 0 ? null : username(i + 3),
                i % 3 == 0 ? null : String.format("2026-%02d-%02d", 1 + i % 12, 1 + i % 28), outcome,
                i % 6 == 0 ? null : "DOMAIN_" + i % 40, "DECIDED".equals(status) ? at(i + 500) : null, at(i), at(i + 900),
                1 + i % 9);
    }

    private static List<Object> participant(int i, List<Long> decisionIds) {
        boolean group = i % 5 == 0;
        return Arrays.asList(decisionIds.get(i % decisionIds.size()).intValue(), i % 2 == 0 ? "CONTRIBUTOR" : "INFORMED",
                group ? "GROUP" : "USER", group ? "team-" + i % 17 : "JIRAUSER" + (10_000 + i % PEOPLE), i % 4);
    }

    private static String people(int i, int count) {
        List<String> names = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            names.add(username(i + n * 7));
        }
        return String.join(", ", names);
    }

    private static String informed(int i) {
        return i % 2 == 0 ? "group:developers, " + username(i) + ", group:ops team" : username(i + 1);
    }

    /** An audit row as model 0 wrote it: people fields hold usernames ("a, b" for lists, groups as "group:name"). */
    private static List<Object> audit(int i) {
        String field = AUDIT_FIELDS[i % AUDIT_FIELDS.length];
        boolean created = i % 9 == 0; // the first entry of a decision has no "before"
        String before;
        String after;
        switch (field) {
            case "approver", "driver" -> {
                before = username(i);
                after = username(i + 1);
            }
            case "contributors" -> {
                before = people(i, 1 + i % 3);
                after = people(i + 2, 1 + i % 4);
            }
            case "informed" -> {
                before = informed(i);
                after = informed(i + 3);
            }
            case "status" -> {
                before = "OPEN";
                after = "DECIDED";
            }
            case "outcome" -> {
                before = "Before " + i + " — ✓";
                after = i % 2 == 0 ? null : "After, with a comma, and \"quotes\" " + i;
            }
            default -> {
                before = "2026-01-" + (10 + i % 18);
                after = "DOMAIN_" + i % 40;
            }
        }
        return Arrays.asList((long) (100_000 + i % 20_000), "PA-" + (i % 20_000 + 1), username(i + 5), at(i), field,
                created ? null : before, after);
    }

    private static List<Object> revision(int i, List<Long> decisionIds) {
        return Arrays.asList("rev-" + i + "-" + Long.toHexString(i * 2_654_435_761L), decisionIds.get(i % decisionIds.size()).intValue(),
                1 + i % 30, username(i + 9), at(i + 60));
    }

    // ---- model version 1, as specified (not borrowed from the task) ----------------------------------------------

    private static String key(String username) {
        return keyOf(username).orElse(username);
    }

    private static String jsonString(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String converted(String field, String value) {
        if (value == null) {
            return null;
        }
        return switch (field) {
            case "driver", "approver" -> key(value);
            case "contributors" -> Arrays.stream(value.split(", ")).map(n -> jsonString(key(n)))
                    .collect(Collectors.joining(",", "[", "]"));
            case "informed" -> Arrays.stream(value.split(", "))
                    .map(n -> n.startsWith("group:")
                            ? "{\"type\":\"group\",\"name\":" + jsonString(n.substring("group:".length())) + "}"
                            : "{\"type\":\"user\",\"key\":" + jsonString(key(n)) + "}")
                    .collect(Collectors.joining(",", "[", "]"));
            default -> value;
        };
    }

    /** The audit row after the upgrade: people fields converted, VALUE_FORMAT 1. */
    private static List<Object> auditAfter(int i) {
        List<Object> row = new ArrayList<>(audit(i));
        String field = (String) row.get(4);
        row.set(5, converted(field, (String) row.get(5)));
        row.set(6, converted(field, (String) row.get(6)));
        row.add(1L);
        return row;
    }

    /** The decision row after the upgrade: the columns model 0 had, then PROJECT_ID, REVIEW_DATE, DOMAIN_BY_HAND empty. */
    private static List<Object> decisionAfter(int i) {
        List<Object> row = new ArrayList<>(decision(i));
        row.addAll(Arrays.asList(null, null, null));
        return row;
    }

    // ---- tables --------------------------------------------------------------------------------------------------

    /** One table: its model-0 columns (getter names) and, for reading after the upgrade, the columns added since. */
    private record Table(Class<? extends RawEntity<?>> entity, List<String> getters, List<String> added, int rows) {
    }

    private List<Table> tables() {
        int rows = rows(kind);
        int decisions = rows / 10;
        int participants = rows / 5;
        int revisions = rows / 10;
        int audits = rows - decisions - participants - revisions;
        return List.of(
                new Table(DecisionV0.class, List.of("getIssueId", "getIssueKey", "getProjectKey", "getIssueNumber", "getStatus",
                        "getDriverKey", "getApproverKey", "getDueDate", "getOutcome", "getDomainKey", "getDecidedAt",
                        "getCreatedAt", "getUpdatedAt", "getVersion"), List.of("PROJECT_ID", "REVIEW_DATE", "DOMAIN_BY_HAND"), decisions),
                new Table(ParticipantV0.class, List.of("getDecisionId", "getRole", "getKind", "getRef", "getPosition"), List.of(),
                        participants),
                new Table(AuditV0.class, List.of("getIssueId", "getIssueKey", "getAuthorKey", "getChangedAt", "getField",
                        "getOldValue", "getNewValue"), List.of("VALUE_FORMAT"), audits),
                new Table(RevisionV0.class, List.of("getRevisionKey", "getDecisionId", "getVersion", "getAuthorKey", "getChangedAt"),
                        List.of(), revisions));
    }

    private String tableName(Table t) {
        return '"' + entityManager().getTableNameConverter().getName(t.entity()) + '"';
    }

    private List<String> columns(Table t) {
        List<String> columns = new ArrayList<>();
        for (String getter : t.getters()) {
            try {
                columns.add('"' + entityManager().getFieldNameConverter().getName(t.entity().getMethod(getter)) + '"');
            } catch (NoSuchMethodException e) {
                throw new AssertionError(t.entity().getName() + " has no " + getter, e);
            }
        }
        return columns;
    }

    private EntityManager entityManager() {
        return ao.activeObjects().entityManager();
    }

    // ---- the test ------------------------------------------------------------------------------------------------

    @Test
    public void aLargeModelZeroInstallationReachesTheCurrentModelWithNothingLostAndPeopleAsKeys() throws Exception {
        List<Table> tables = tables();
        Table decisions = tables.get(0);
        Table participants = tables.get(1);
        Table audits = tables.get(2);
        Table revisions = tables.get(3);

        long start = System.nanoTime();
        insert(decisions, decisions.rows(), UpgradeFromModelZeroTest::decision);
        List<Long> decisionIds = ids(decisions);
        insert(participants, participants.rows(), i -> participant(i, decisionIds));
        insert(audits, audits.rows(), UpgradeFromModelZeroTest::audit);
        insert(revisions, revisions.rows(), i -> revision(i, decisionIds));
        double written = seconds(start);

        // before: what is stored is exactly what was generated
        Map<String, String> before = new LinkedHashMap<>();
        before.put("decision", compare(decisions, List.of(), UpgradeFromModelZeroTest::decision));
        before.put("participant", compare(participants, List.of(), i -> participant(i, decisionIds)));
        before.put("audit", compare(audits, List.of(), UpgradeFromModelZeroTest::audit));
        before.put("revision", compare(revisions, List.of(), i -> revision(i, decisionIds)));

        ao.sql().start();
        start = System.nanoTime();
        PluginDescriptor plugin = descriptor();
        ModelVersion reached = start(plugin);
        double upgraded = seconds(start);
        List<String> statements = ao.sql().stop();

        assertEquals("the newest task's version is recorded", newest(plugin).toString(), reached.toString());
        // after: every row still there, every value the same or converted as specified
        Map<String, String> after = new LinkedHashMap<>();
        after.put("decision", compare(decisions, decisions.added(), UpgradeFromModelZeroTest::decisionAfter));
        after.put("participant", compare(participants, List.of(), i -> participant(i, decisionIds)));
        after.put("audit", compare(audits, audits.added(), UpgradeFromModelZeroTest::auditAfter));
        after.put("revision", compare(revisions, List.of(), i -> revision(i, decisionIds)));
        assertEquals("participants and revisions are untouched", List.of(before.get("participant"), before.get("revision")),
                List.of(after.get("participant"), after.get("revision")));

        // the task reads the trail in batches (none holds more than BATCH_SIZE rows), one read past the last
        long batchReads = statements.stream().map(s -> s.replace("\"", "").toUpperCase(Locale.ROOT))
                .filter(s -> s.startsWith("SELECT") && s.contains("VALUE_FORMAT IS NULL")).count();
        assertEquals(audits.rows() / AuditUserKeysUpgradeTask.BATCH_SIZE + 1, batchReads);

        // a second start (another node, a restart) finds the version recorded and changes nothing
        assertEquals(reached.toString(), start(plugin).toString());
        assertEquals(after.get("audit"), compare(audits, audits.added(), UpgradeFromModelZeroTest::auditAfter));
        assertEquals(after.get("decision"), compare(decisions, decisions.added(), UpgradeFromModelZeroTest::decisionAfter));

        int total = tables.stream().mapToInt(Table::rows).sum();
        System.out.printf(Locale.ROOT, "%s: %,d rows of model 0 (%,d decisions, %,d participants, %,d audit entries, %,d revisions)"
                        + " written in %.1f s; upgraded to model %s in %.1f s (%,d statements, %,d batch reads of the audit trail);"
                        + " 0 rows lost, 0 values changed but the %,d audit entries' people fields as specified%n"
                        + "  checksums before: %s%n  checksums after:  %s%n",
                kind, total, decisions.rows(), participants.rows(), audits.rows(), revisions.rows(), written, reached, upgraded,
                statements.size(), batchReads, audits.rows(), before, after);
    }

    // ---- writing -------------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface RowOf {
        List<Object> row(int i);
    }

    /** Batched INSERTs through one connection; ids are the database's (AO's identity columns), in row order. */
    private void insert(Table t, int rows, RowOf rowOf) throws SQLException {
        List<String> columns = columns(t);
        String sql = "INSERT INTO " + tableName(t) + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        try (Connection c = ao.database().dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                for (int i = 0; i < rows; i++) {
                    List<Object> row = rowOf.row(i);
                    for (int col = 0; col < row.size(); col++) {
                        bind(insert, col + 1, row.get(col));
                    }
                    insert.addBatch();
                    if ((i + 1) % INSERT_BATCH == 0 || i == rows - 1) {
                        insert.executeBatch(); // HSQLDB refuses an empty batch
                    }
                }
            }
            c.commit();
        }
    }

    private static void bind(PreparedStatement s, int index, Object value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.NULL);
        } else if (value instanceof Timestamp t) {
            s.setTimestamp(index, t);
        } else {
            s.setObject(index, value);
        }
    }

    private List<Long> ids(Table t) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = ao.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"ID\" FROM " + tableName(t) + " ORDER BY \"ID\"")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    // ---- reading and comparing -----------------------------------------------------------------------------------

    /**
     * Reads the table in id order — the model-0 columns, then {@code added} — and compares row i with {@code expected(i)}:
     * fails naming the counts of missing, extra and differing rows and the first difference. Returns the table's
     * SHA-256 over the canonical text of every value read.
     */
    private String compare(Table t, List<String> added, RowOf expected) throws SQLException {
        List<String> columns = new ArrayList<>(columns(t));
        added.forEach(a -> columns.add('"' + a + '"'));
        MessageDigest digest = sha256();
        int read = 0;
        int differing = 0;
        String first = null;
        try (Connection c = ao.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.setFetchSize(INSERT_BATCH);
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (ResultSet rs = s.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + tableName(t)
                    + " ORDER BY \"ID\"")) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder actual = new StringBuilder();
                    for (int col = 1; col <= columns.size(); col++) {
                        actual.append(canonical(read(rs, meta, col))).append('|');
                    }
                    String text = actual.toString();
                    digest.update(text.getBytes(StandardCharsets.UTF_8));
                    if (read < t.rows()) {
                        String want = expected.row(read).stream().map(UpgradeFromModelZeroTest::canonical)
                                .map(v -> v + "|").collect(Collectors.joining());
                        if (!want.equals(text)) {
                            differing++;
                            if (first == null) {
                                first = "row " + read + "\n  expected " + abbreviate(want) + "\n  stored   " + abbreviate(text);
                            }
                        }
                    }
                    read++;
                }
            }
            c.commit();
        }
        int missing = Math.max(0, t.rows() - read);
        int extra = Math.max(0, read - t.rows());
        assertEquals(t.entity().getSimpleName() + ": missing " + missing + ", extra " + extra + ", differing " + differing
                + (first == null ? "" : "; first: " + first), "0/0/0", missing + "/" + extra + "/" + differing);
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static Object read(ResultSet rs, ResultSetMetaData meta, int col) throws SQLException {
        Object value = switch (meta.getColumnType(col)) {
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.DATE -> rs.getTimestamp(col);
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT, Types.NUMERIC, Types.DECIMAL -> rs.getLong(col);
            case Types.BOOLEAN, Types.BIT -> rs.getBoolean(col);
            default -> rs.getString(col);
        };
        return rs.wasNull() ? null : value;
    }

    /** One value as text that tells types and nulls apart: the same for what was generated and what was read. */
    private static String canonical(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Timestamp t) {
            return "t" + t.getTime();
        }
        if (value instanceof Number n) {
            return "n" + n.longValue();
        }
        if (value instanceof Boolean b) {
            return "b" + b;
        }
        String s = value.toString();
        return "s" + s.length() + ":" + s;
    }

    private static String abbreviate(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "…";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    // ---- the plugin start's upgrade path -------------------------------------------------------------------------

    private static PluginDescriptor descriptor() throws IOException {
        try (InputStream xml = Files.newInputStream(Path.of("atlassian-plugin.xml"))) {
            PluginDescriptor plugin = PluginDescriptor.read(xml, "jira");
            assertEquals("the tests' AO namespace is the plugin's", AoTestSupport.NAMESPACE, plugin.ao().namespace());
            return plugin;
        }
    }

    /**
     * What a plugin start does (PluginInstance.upgradeAndMigrate): the descriptor's upgrade tasks through the host's
     * runner, then the migration to every current entity.
     */
    private ModelVersion start(PluginDescriptor plugin) throws ReflectiveOperationException {
        RefActiveObjects activeObjects = ao.activeObjects();
        List<ActiveObjectsUpgradeTask> tasks = new ArrayList<>();
        for (String name : plugin.ao().upgradeTasks()) {
            tasks.add(task(Class.forName(name)));
        }
        ModelVersion reached = AoUpgradeTasks.run(activeObjects, new AoTablePrefix(plugin.ao().namespace()).value(), tasks);
        @SuppressWarnings("unchecked")
        Class<? extends RawEntity<?>>[] current = new Class[plugin.ao().entities().size()];
        for (int i = 0; i < current.length; i++) {
            current[i] = (Class<? extends RawEntity<?>>) Class.forName(plugin.ao().entities().get(i)).asSubclass(RawEntity.class);
        }
        activeObjects.migrate(current);
        return reached;
    }

    /** The task as the plugin's container makes it: its {@code @Inject} constructor, given the services it asks for. */
    private static ActiveObjectsUpgradeTask task(Class<?> type) throws ReflectiveOperationException {
        Constructor<?> constructor = Arrays.stream(type.getConstructors()).filter(c -> c.isAnnotationPresent(Inject.class))
                .findFirst().orElseThrow(() -> new AssertionError(type.getName() + " has no @Inject constructor"));
        Object[] arguments = new Object[constructor.getParameterCount()];
        for (int i = 0; i < arguments.length; i++) {
            Class<?> parameter = constructor.getParameterTypes()[i];
            if (parameter != UserDirectory.class) {
                throw new AssertionError(type.getName() + " needs a " + parameter.getName()
                        + ": give this test's upgrade path one (and a model-0 row that exercises it)");
            }
            arguments[i] = new Directory();
        }
        try {
            return (ActiveObjectsUpgradeTask) constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new AssertionError("could not create " + type.getName(), e.getCause());
        }
    }

    private static ModelVersion newest(PluginDescriptor plugin) throws ReflectiveOperationException {
        ModelVersion newest = ModelVersion.valueOf("0");
        for (String name : plugin.ao().upgradeTasks()) {
            ModelVersion v = task(Class.forName(name)).getModelVersion();
            newest = v.isOlderThan(newest) ? newest : v;
        }
        return newest;
    }
}
