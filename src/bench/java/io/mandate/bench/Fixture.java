package io.mandate.bench;

import com.atlassian.jira.issue.MutableIssue;
import io.mandate.refhost.ProductNode;
import io.mandate.refhost.RefHost;
import io.mandate.refhost.web.RequestContext;
import io.mandate.refhost.web.WebPanels;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The reference host started in this JVM on one generated dataset, and the plugin's own components taken from the
 * plugin instance (its Spring context, as Jira's plugin system holds them). The plugin runs from its jar in its own
 * class loader (as in Jira), so its classes are not this code's classes: its components are called through
 * reflection ({@link Method#invoke}, a few nanoseconds per call, negligible beside what is measured).
 *
 * <p>Everything is called as a logged-in user the way the host's request filter does it ({@link RequestContext#runAs}).
 * The JMH benchmarks run in this JVM ({@code forks = 0}) and read the fixture from {@link #current}.
 */
public final class Fixture implements AutoCloseable {

    /** The fixture the JMH benchmarks use (set by {@link Bench} before each JMH run). */
    static volatile Fixture current;

    final String dataset;
    final RefHost host;
    final ProductNode jira;
    final ClassLoader plugin;
    final Object authority;
    final Object decisions;
    final Object accountability;
    final Object matrixImport;
    final Object matrixExport;
    private final Method visibleIssue;
    private final Method issueAuthorityOf;
    private final Method report;
    private final Method importRun;
    private final Method exportWrite;
    private final Object issueAccess;
    private final Object people;
    private final Method browsableByIds;
    private final Method currentUser;
    private final Object scopeAll;
    private final Class<?> projectScope;

    /** Issues with a decision that {@link #USER} may browse, in a stable order. */
    final List<String> issueKeys = new ArrayList<>();
    /** The same issues: the plugin's IssueRef of each (as the admin sees it) and the host's issue object. */
    final List<Object> issueRefs = new ArrayList<>();
    final List<MutableIssue> issues = new ArrayList<>();
    /** The project whose decision count is closest to 1,000, and its count. */
    String reportProject;
    long reportProjectDecisions;
    long allDecisions;
    /** The issue id of every decision, in decision-id order: what the whole-instance report asks the host to judge. */
    private long[] decisionIssueIds;

    static final String ADMIN = "admin";
    /** The generated user who is always active (docs/datasets.md). */
    static final String USER = "u00001";

    Fixture(String dataset, RefHost host) throws Exception {
        this.dataset = dataset;
        this.host = host;
        this.jira = host.jira();
        this.plugin = jira.plugin().classLoader();
        Class<?> authorityClass = plugin.loadClass("io.mandate.authority.AuthorityService");
        Class<?> decisionClass = plugin.loadClass("io.mandate.decision.DecisionService");
        Class<?> accountabilityClass = plugin.loadClass("io.mandate.accountability.AccountabilityService");
        Class<?> importClass = plugin.loadClass("io.mandate.authority.MatrixImport");
        Class<?> exportClass = plugin.loadClass("io.mandate.authority.MatrixExport");
        Class<?> issueRef = plugin.loadClass("io.mandate.platform.IssueRef");
        Class<?> scope = plugin.loadClass("io.mandate.accountability.AccountabilityService$Scope");
        authority = jira.plugin().component(authorityClass);
        decisions = jira.plugin().component(decisionClass);
        accountability = jira.plugin().component(accountabilityClass);
        matrixImport = jira.plugin().component(importClass);
        matrixExport = jira.plugin().component(exportClass);
        visibleIssue = decisionClass.getMethod("browsableIssue", String.class);
        issueAuthorityOf = plugin.loadClass("io.mandate.authority.IssueAuthority").getMethod("of", issueRef, authorityClass);
        report = accountabilityClass.getMethod("report", scope);
        importRun = importClass.getMethod("run", byte[].class, boolean.class);
        exportWrite = exportClass.getMethod("write", Appendable.class);
        Class<?> issueAccessClass = plugin.loadClass("io.mandate.platform.IssueAccess");
        Class<?> peopleClass = plugin.loadClass("io.mandate.platform.People");
        issueAccess = jira.plugin().component(issueAccessClass);
        people = jira.plugin().component(peopleClass);
        browsableByIds = issueAccessClass.getMethod("browsableByIds", java.util.Collection.class, Optional.class);
        currentUser = peopleClass.getMethod("currentUser");
        scopeAll = plugin.loadClass("io.mandate.accountability.AccountabilityService$Scope$All").getConstructor().newInstance();
        projectScope = plugin.loadClass("io.mandate.accountability.AccountabilityService$Scope$Project");
        pickIssuesAndProject();
    }

    private void pickIssuesAndProject() throws SQLException {
        String decisionTable = "\"" + Sql.decisionTable(jira) + "\"";
        try (Connection c = jira.database().dataSource().getConnection()) {
            List<String> candidates = new ArrayList<>();
            // spread over the whole table: every n-th decision by id
            try (PreparedStatement s = c.prepareStatement("SELECT \"ISSUE_KEY\" FROM " + decisionTable
                    + " WHERE MOD(\"ID\", 97) = 0 ORDER BY \"ID\" LIMIT 600")) {
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        candidates.add(r.getString(1));
                    }
                }
            }
            for (String key : candidates) {
                if (issueKeys.size() == 100) {
                    break;
                }
                boolean userSees = asUser(USER, () -> browsable(key)).isPresent();
                Optional<Object> o2 = asUser(ADMIN, () -> browsable(key));
                if (userSees && o2.isPresent()) {
                    issueKeys.add(key);
                    issueRefs.add(o2.get());
                    issues.add(jira.jira().issueManager().getIssueObject(key));
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT \"PROJECT_KEY\", COUNT(*) FROM " + decisionTable
                    + " GROUP BY \"PROJECT_KEY\" ORDER BY ABS(COUNT(*) - 1000), \"PROJECT_KEY\" LIMIT 1")) {
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    reportProject = r.getString(1);
                    reportProjectDecisions = r.getLong(2);
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + decisionTable)) {
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    allDecisions = r.getLong(1);
                }
            }
            decisionIssueIds = new long[Math.toIntExact(allDecisions)];
            int n = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT \"ISSUE_ID\" FROM " + decisionTable + " ORDER BY \"ID\"")) {
                try (ResultSet r = s.executeQuery()) {
                    while (r.next() && n < decisionIssueIds.length) {
                        decisionIssueIds[n++] = r.getLong(1);
                    }
                }
            }
            decisionIssueIds = java.util.Arrays.copyOf(decisionIssueIds, n);
        }
        if (issueKeys.isEmpty()) {
            throw new IllegalStateException("no decision of dataset " + dataset + " is visible to " + USER);
        }
    }

    /** The effective authority over the i-th issue (match, each matched domain's effective authority, the people). */
    Object issueAuthority(int i) {
        return asUser(ADMIN, () -> invoke(issueAuthorityOf, null, issueRefs.get(i % issueRefs.size()), authority));
    }

    /** The issue view's right column (the decision and authority panels) for the i-th issue, as {@link #USER} sees it. */
    String panels(int i) {
        MutableIssue issue = issues.get(i % issues.size());
        return asUser(USER, () -> {
            Map<String, Object> context = new HashMap<>();
            context.put("issue", issue);
            context.put("project", issue.getProjectObject());
            context.put("user", jira.jira().authenticationContext().getLoggedInUser());
            return WebPanels.render(jira, "atl.jira.view.issue.right.context", context);
        });
    }

    Object reportAll() {
        return asUser(ADMIN, () -> invoke(report, accountability, scopeAll));
    }

    /**
     * The host's share of the whole-instance report, alone: the issue of every decision judged as the administrator
     * through the plugin's {@code IssueAccess.browsableByIds} (Jira's {@code IssueManager.getIssueObjects} and the
     * browse check), 1,000 ids a call as the report asks — no decision read, no matrix, no metric. Returns how many
     * issues were visible.
     */
    long hostJudging() {
        return asUser(ADMIN, () -> {
            Object user = invoke(currentUser, people);
            long visible = 0;
            List<Long> chunk = new ArrayList<>(1000);
            for (int i = 0; i < decisionIssueIds.length; i++) {
                chunk.add(decisionIssueIds[i]);
                if (chunk.size() == 1000 || i == decisionIssueIds.length - 1) {
                    visible += ((Map<?, ?>) invoke(browsableByIds, issueAccess, chunk, user)).size();
                    chunk = new ArrayList<>(1000);
                }
            }
            return visible;
        });
    }

    Object reportProject() {
        return asUser(ADMIN, () -> {
            try {
                return invoke(report, accountability, projectScope.getConstructor(String.class).newInstance(reportProject));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The matrix CSV import as an administrator: the plugin's {@code MatrixImport.Result}. */
    Object importCsv(byte[] csv, boolean dryRun) {
        return asUser(ADMIN, () -> invoke(importRun, matrixImport, csv, dryRun));
    }

    String exportCsv() {
        return asUser(ADMIN, () -> {
            StringBuilder out = new StringBuilder();
            invoke(exportWrite, matrixExport, out);
            return out.toString();
        });
    }

    /** A record component of a plugin object (e.g. {@code applied} of an import result). */
    static Object get(Object record, String accessor) {
        try {
            return record.getClass().getMethod(accessor).invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T asUser(String username, Supplier<T> work) {
        return RequestContext.runAs(new RequestContext(username, Locale.ENGLISH, null), work);
    }

    /** The issue's reference if the current user may browse it ({@code browsableIssue} refuses with a 404 otherwise). */
    private Optional<Object> browsable(String key) {
        try {
            return Optional.of(invoke(visibleIssue, decisions, key));
        } catch (RuntimeException notBrowsable) {
            return Optional.empty();
        }
    }

    private static Object invoke(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        host.close();
    }
}
