package io.mandate.bench;

import io.mandate.refhost.ProductNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole-instance accountability report's aggregation written by hand in SQL over plain JDBC (PostgreSQL), as a
 * floor for the plugin's report: what can be counted in the database is counted there, and only the lists the
 * report shows (issue keys of unowned, overdue and due-for-review decisions) and the contributors of open decisions
 * come back as rows. It does what the report does for the administrator minus what needs the matrix (violations and
 * consultation gaps are checked against each domain's effective authority in Java) and minus the per-issue browse
 * check (the administrator sees everything but issues under an issue security level she is not in) — so it is a
 * lower bound of the same work.
 */
final class Sql {

    private Sql() {
    }

    /** The decisions' table as Active Objects names it (the {@code AO_3BD0E8_} prefix of the namespace io.mandate). */
    static String decisionTable(ProductNode node) {
        return "AO_3BD0E8_DECISION";
    }

    /** Runs the aggregation; the returned number (a checksum of what came back) keeps the JIT from dropping work. */
    static long wholeInstance(Connection c, LocalDate today) throws SQLException {
        String d = "\"AO_3BD0E8_DECISION\"";
        String p = "\"AO_3BD0E8_PARTICIPANT\"";
        String open = "d.\"STATUS\" IN ('OPEN', 'IN_PROGRESS')";
        long sum = 0;
        // 1. per approver and status: counts, overdue, unowned, due for review, cycle-time histogram input
        try (PreparedStatement s = c.prepareStatement(
                "SELECT u.username, d.\"STATUS\", COUNT(*),"
                        + " SUM(CASE WHEN " + open + " AND d.\"DUE_DATE\" < ? THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN d.\"STATUS\" = 'DECIDED' AND d.\"REVIEW_DATE\" <= ? THEN 1 ELSE 0 END)"
                        + " FROM " + d + " d LEFT JOIN host_user u ON u.user_key = d.\"APPROVER_KEY\""
                        + " GROUP BY u.username, d.\"STATUS\"")) {
            s.setString(1, today.toString());
            s.setString(2, today.toString());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    sum += r.getLong(3) + r.getLong(4) + r.getLong(5) + (r.getString(1) == null ? 0 : r.getString(1).length());
                }
            }
        }
        // 2. the cycle-time histogram of decided decisions (whole days)
        try (PreparedStatement s = c.prepareStatement(
                "SELECT FLOOR(EXTRACT(EPOCH FROM (d.\"DECIDED_AT\" - d.\"CREATED_AT\")) / 86400) AS days, COUNT(*)"
                        + " FROM " + d + " d WHERE d.\"STATUS\" = 'DECIDED' AND d.\"DECIDED_AT\" IS NOT NULL GROUP BY days")) {
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    sum += r.getLong(1) * r.getLong(2);
                }
            }
        }
        // 3. the trend: decisions and approvals per month and approver over the last twelve months
        YearMonth first = YearMonth.from(today).minusMonths(11);
        try (PreparedStatement s = c.prepareStatement(
                "SELECT DATE_TRUNC('month', d.\"CREATED_AT\"), u.username, COUNT(*)"
                        + " FROM " + d + " d LEFT JOIN host_user u ON u.user_key = d.\"APPROVER_KEY\""
                        + " WHERE d.\"CREATED_AT\" >= ? GROUP BY 1, 2")) {
            s.setTimestamp(1, Timestamp.valueOf(first.atDay(1).atStartOfDay()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    sum += r.getLong(3);
                }
            }
        }
        // 4. the lists: unowned, overdue, due for review (issue keys, in order)
        try (PreparedStatement s = c.prepareStatement(
                "SELECT d.\"PROJECT_KEY\", d.\"ISSUE_NUMBER\", d.\"ISSUE_KEY\","
                        + " d.\"APPROVER_KEY\" IS NULL, " + open + " AND d.\"DUE_DATE\" < ?,"
                        + " d.\"STATUS\" = 'DECIDED' AND d.\"REVIEW_DATE\" <= ?"
                        + " FROM " + d + " d WHERE d.\"APPROVER_KEY\" IS NULL OR (" + open + " AND d.\"DUE_DATE\" < ?)"
                        + " OR (d.\"STATUS\" = 'DECIDED' AND d.\"REVIEW_DATE\" <= ?)"
                        + " ORDER BY d.\"PROJECT_KEY\", d.\"ISSUE_NUMBER\"")) {
            for (int i = 1; i <= 4; i++) {
                s.setString(i, today.toString());
            }
            s.setFetchSize(5_000);
            c.setAutoCommit(false);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    sum += r.getString(3).length() + r.getLong(2);
                }
            } finally {
                c.setAutoCommit(true);
            }
        }
        // 5. contributors of the open decisions (what the consultation-gap check is made of)
        Map<Integer, Integer> contributors = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT p.\"DECISION_ID\", p.\"REF\" FROM " + p + " p JOIN " + d + " d ON d.\"ID\" = p.\"DECISION_ID\""
                        + " WHERE p.\"ROLE\" = 'CONTRIBUTOR' AND " + open + " ORDER BY p.\"DECISION_ID\", p.\"POSITION\"")) {
            s.setFetchSize(5_000);
            c.setAutoCommit(false);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    contributors.merge(r.getInt(1), r.getString(2).length(), Integer::sum);
                }
            } finally {
                c.setAutoCommit(true);
            }
        }
        return sum + contributors.size();
    }
}
