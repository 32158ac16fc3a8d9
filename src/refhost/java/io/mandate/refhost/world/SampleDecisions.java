package io.mandate.refhost.world;

import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The sample organisation's decisions (docs/sample-org.md, "Decisions"): sixteen decisions on DEMO, OPS and HR
 * issues with a history of two months — owned and unowned, overdue, decided with cycle times, one approver without
 * the authority, consultation gaps, decisions due for review — so the accountability report of a project shows
 * numbers a reader can check by hand (docs/user-guide/accountability-demo-check.md).
 *
 * <p>Like the matrix ({@link SampleMatrix}) the decisions are the plugin's data, so the host makes them through the
 * plugin's own REST API as {@code admin} ({@code PUT /decisions/{issueKey}}). The API sets a decision's creation and
 * decision times to the moment of the call; a sample made in one second would have no history, so the host then
 * dates each decision back to the fixed days below — its creation and decision times and the times of its audit
 * entries and revisions — with SQL on the plugin's tables, as a migration of older data would, and empties the
 * caches so no node keeps the times of the call. Due and review dates are relative to the day of the first start,
 * so that "overdue" and "due for review" hold whenever the sample is made.
 *
 * <p>It runs after the matrix, on the first start of a fresh data folder, only while no decision exists.
 */
public final class SampleDecisions {

    private static final Logger LOG = Logger.getLogger(SampleDecisions.class.getName());
    private static final String API = "/rest/mandate/1.0";

    /**
     * One sample decision. Days are calendar days; a time of day of 12:00 UTC keeps each on its date in every
     * time zone within ±11 hours.
     *
     * @param dueIn    due date in days from the first start (negative: overdue from the start); null for none
     * @param reviewIn review date in days from the first start; null for none
     */
    public record Sample(String issueKey, String status, String driver, String approver, List<String> contributors,
                         LocalDate created, LocalDate decided, Integer dueIn, Integer reviewIn, String outcome) {
        public Sample {
            contributors = List.copyOf(contributors);
        }

        /** The decision input of the REST contract, as of the first start {@code firstDay}. */
        String json(LocalDate firstDay) {
            StringBuilder j = new StringBuilder("{\"status\":\"").append(status).append('"');
            if (driver != null) {
                j.append(",\"driver\":\"").append(driver).append('"');
            }
            if (approver != null) {
                j.append(",\"approver\":\"").append(approver).append('"');
            }
            j.append(",\"contributors\":[");
            for (int i = 0; i < contributors.size(); i++) {
                j.append(i == 0 ? "" : ",").append('"').append(contributors.get(i)).append('"');
            }
            j.append(']');
            if (dueIn != null) {
                j.append(",\"dueDate\":\"").append(firstDay.plusDays(dueIn)).append('"');
            }
            if (reviewIn != null) {
                j.append(",\"reviewDate\":\"").append(firstDay.plusDays(reviewIn)).append('"');
            }
            if (outcome != null) {
                j.append(",\"outcome\":\"").append(outcome).append('"');
            }
            return j.append('}').toString();
        }
    }

    private static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(2026, month, dayOfMonth);
    }

    /** The sample, in issue order. docs/sample-org.md lists the same rows; SampleDecisionsIT checks the report of DEMO. */
    public static final List<Sample> SAMPLES = List.of(
            new Sample("DEMO-1", "DECIDED", "carol", "alice", List.of("dave"), day(10, 5), day(10, 19), null, -7,
                    "Kafka, run by the platform team; RabbitMQ stays for the legacy jobs."),
            new Sample("DEMO-2", "IN_PROGRESS", "alice", "erin", List.of("bob"), day(11, 16), null, 14, null, null),
            new Sample("DEMO-3", "IN_PROGRESS", "erin", "alice", List.of(), day(11, 12), null, -3, null, null),
            new Sample("DEMO-5", "DECIDED", "dave", "erin", List.of("frank"), day(10, 6), day(10, 9), null, 180,
                    "Spot instances for CI, with on-demand runners as the fallback."),
            new Sample("DEMO-7", "DECIDED", "alice", "alice", List.of("grace"), day(10, 12), day(11, 2), null, null,
                    "The major version in the URL; two versions supported at a time."),
            new Sample("DEMO-9", "OPEN", null, null, List.of(), day(11, 25), null, -1, null, null),
            new Sample("DEMO-10", "DECIDED", "carol", "carol", List.of("dave"), day(10, 20), day(10, 22), null, null,
                    "A hosted flag service on a one-year contract."),
            new Sample("DEMO-14", "DECIDED", "carol", "alice", List.of("frank"), day(11, 3), day(11, 10), null, 90,
                    "Cache the rates for an hour; the provider's free tier covers it."),
            new Sample("DEMO-15", "IN_PROGRESS", "bob", "erin", List.of(), day(11, 18), null, 30, null, null),
            new Sample("DEMO-16", "DECIDED", "dave", "dave", List.of(), day(11, 5), day(11, 6), null, -30,
                    "Java 17 everywhere by the end of the quarter."),
            new Sample("DEMO-18", "OPEN", "erin", "alice", List.of("carol"), day(11, 23), null, 7, null, null),
            new Sample("DEMO-20", "DECIDED", "carol", "erin", List.of("bob"), day(11, 9), day(11, 20), null, null,
                    "Go: the checkout held three times the expected peak."),
            new Sample("OPS-1", "DECIDED", "erin", "bob", List.of("dave"), day(10, 7), day(10, 8), null, null,
                    "Quarterly failover drills, announced a week ahead."),
            new Sample("OPS-4", "OPEN", "bob", "erin", List.of("carol"), day(11, 24), null, 5, null, null),
            new Sample("OPS-6", "IN_PROGRESS", "bob", "erin", List.of("frank"), day(11, 19), null, -2, null, null),
            new Sample("HR-1", "IN_PROGRESS", "heidi", "heidi", List.of("erin"), day(11, 2), null, 21, null, null));

    /** What the seeding did. */
    public enum Outcome { SEEDED, DECISIONS_EXIST }

    private SampleDecisions() {
    }

    /**
     * Makes the sample decisions through the plugin's REST API at {@code jiraBaseUrl} as {@code admin} and dates
     * them back in {@code jiraDatabase}; {@code flushCaches} then empties the host's caches.
     *
     * @throws IllegalStateException when a call is refused or the plugin's tables are not where AO puts them:
     *                               the sample and the plugin disagree, a bug to fix
     */
    public static Outcome seed(String jiraBaseUrl, LocalDate firstDay, DataSource jiraDatabase, Runnable flushCaches) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String existing = send(client, jiraBaseUrl, "GET", API + "/decisions?maxResults=1", null);
        if (!existing.contains("\"total\":0")) {
            return Outcome.DECISIONS_EXIST;
        }
        for (Sample s : SAMPLES) {
            send(client, jiraBaseUrl, "PUT", API + "/decisions/" + s.issueKey(), s.json(firstDay));
        }
        try (Connection c = jiraDatabase.getConnection()) {
            c.setAutoCommit(false);
            Tables t = Tables.find(c);
            for (Sample s : SAMPLES) {
                backdate(c, t, s);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Sample decisions: dating the decisions back failed", e);
        }
        flushCaches.run();
        LOG.info(() -> "Sample decisions seeded: " + SAMPLES.size() + " decisions");
        return Outcome.SEEDED;
    }

    /** The plugin's tables as Active Objects named them (AO_ + a hash of the plugin key + the entity's table). */
    private record Tables(String quote, String decision, String audit, String revision) {
        private static final Pattern AO = Pattern.compile("AO_[0-9A-F]{6}_(DECISION|AUDIT|REVISION)");

        static Tables find(Connection c) throws SQLException {
            DatabaseMetaData meta = c.getMetaData();
            String decision = null;
            String audit = null;
            String revision = null;
            try (ResultSet rs = meta.getTables(null, c.getSchema(), "AO_%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    var m = AO.matcher(name);
                    if (m.matches()) {
                        switch (m.group(1)) {
                            case "DECISION" -> decision = name;
                            case "AUDIT" -> audit = name;
                            default -> revision = name;
                        }
                    }
                }
            }
            if (decision == null || audit == null || revision == null) {
                throw new IllegalStateException("Sample decisions: the plugin's DECISION, AUDIT and REVISION tables were not found");
            }
            return new Tables(meta.getIdentifierQuoteString().trim(), decision, audit, revision);
        }

        String q(String identifier) {
            return quote + identifier + quote;
        }
    }

    private static void backdate(Connection c, Tables t, Sample s) throws SQLException {
        long issueId = issueId(c, s.issueKey());
        Timestamp created = noon(s.created());
        Timestamp last = s.decided() == null ? created : noon(s.decided());
        // table and column names come from the database's own metadata and constants, never from input
        try (PreparedStatement p = c.prepareStatement("UPDATE " + t.q(t.decision()) + " SET " + t.q("CREATED_AT") + " = ?, "
                + t.q("UPDATED_AT") + " = ?, " + t.q("DECIDED_AT") + " = ? WHERE " + t.q("ISSUE_ID") + " = ?")) {
            p.setTimestamp(1, created);
            p.setTimestamp(2, last);
            p.setTimestamp(3, s.decided() == null ? null : last);
            p.setLong(4, issueId);
            if (p.executeUpdate() != 1) {
                throw new IllegalStateException("Sample decisions: no decision on " + s.issueKey() + " to date back");
            }
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE " + t.q(t.audit()) + " SET " + t.q("CHANGED_AT") + " = ? WHERE "
                + t.q("ISSUE_ID") + " = ?")) {
            p.setTimestamp(1, created);
            p.setLong(2, issueId);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE " + t.q(t.revision()) + " SET " + t.q("CHANGED_AT") + " = ? WHERE "
                + t.q("DECISION_ID") + " IN (SELECT " + t.q("ID") + " FROM " + t.q(t.decision()) + " WHERE " + t.q("ISSUE_ID") + " = ?)")) {
            p.setTimestamp(1, created);
            p.setLong(2, issueId);
            p.executeUpdate();
        }
    }

    /** The issue's id from the host's own table (the sample's keys have not moved when the sample is made). */
    private static long issueId(Connection c, String key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT ID FROM HOST_ISSUE WHERE ISSUE_KEY = ?")) {
            p.setString(1, key);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("Sample decisions: no issue " + key);
                }
                return rs.getLong(1);
            }
        }
    }

    private static Timestamp noon(LocalDate day) {
        return Timestamp.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    /** The answer's body; anything but 2xx stops the seeding (the sample and the plugin disagree). */
    private static String send(HttpClient client, String jiraBaseUrl, String method, String path, String json) {
        SampleMatrix.Response r = SampleMatrix.sendAsAdmin(client, jiraBaseUrl, new SampleMatrix.Call(method, path, json), "Sample decisions");
        if (r.status() / 100 != 2) {
            throw new IllegalStateException("Sample decisions: " + method + " " + path + " " + (json == null ? "" : json)
                    + " answered " + r.status() + ": " + r.body());
        }
        return r.body();
    }
}
