package io.mandate.refhost.world;

import static io.mandate.refhost.world.Seeder.Holder.GROUP;
import static io.mandate.refhost.world.Seeder.Holder.USER;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The sample organisation a fresh host starts with — a small software company — documented in
 * {@code docs/sample-org.md}; tests and scripts rely on it, so change both together.
 */
public final class SampleOrganisation {

    /** Issue {@code n} (0-based across DEMO, OPS, HR) was created at this instant plus n hours. */
    public static final Instant EPOCH = Instant.parse("2026-10-01T09:00:00Z");

    /** The TEAM page "Platform team charter": the charter and the accountability report of team PLATFORM. */
    public static final long TEAM_CHARTER_PAGE_ID = 65537L;

    /** The ENG page "Architecture decisions", which holds a mandate-accountability-report macro. */
    public static final long ARCHITECTURE_PAGE_ID = 65538L;

    /** The TEAM page "Operations team charter": the charter and the accountability report of team OPS_TEAM. */
    public static final long OPERATIONS_CHARTER_PAGE_ID = 65539L;

    /** HR-3, at the HR security level "Compensation" (heidi and the reporter): erin browses HR but not this issue. */
    public static final String CONFIDENTIAL_ISSUE_KEY = "HR-3";

    /** The id of the security level "Compensation" of HR. */
    public static final long COMPENSATION_LEVEL_ID = 10000L;

    /** The issue whose summary contains HTML metacharacters, for escaping tests. */
    public static final String ESCAPING_ISSUE_KEY = "DEMO-13";

    // Id bases: ids are assigned here rather than by the database so every fresh copy is identical.
    private static final long FIRST_USER_ID = 10000L;
    private static final long FIRST_ISSUE_ID = 10000L;
    private static final int DEMO_OFFSET = 0;
    private static final int OPS_OFFSET = 20;
    private static final int HR_OFFSET = 30;

    private static final String TODO = "To Do";
    private static final String IN_PROGRESS = "In Progress";
    private static final String DONE = "Done";

    private SampleOrganisation() {
    }

    static void seed(Seeder s) throws SQLException {
        users(s);
        groups(s);
        projects(s);
        demoIssues(s);
        opsIssues(s);
        hrIssues(s);
        issueSecurity(s);
        confluence(s);
    }

    private static void users(Seeder s) throws SQLException {
        String[][] people = {
                {"admin", "Administrator"}, {"alice", "Alice Adams"}, {"bob", "Bob Brown"},
                {"carol", "Carol Clark"}, {"dave", "Dave Davis"}, {"erin", "Erin Evans"},
                {"frank", "Frank Fischer"}, {"grace", "Grace Green"}, {"heidi", "Heidi Hill"},
                {"ivan", "Ivan Ivanov"}};
        for (int i = 0; i < people.length; i++) {
            String username = people[i][0];
            boolean active = !"ivan".equals(username);
            boolean systemAdmin = "admin".equals(username);
            // The password is the username: a fixture for local runs, never a real installation.
            s.user(FIRST_USER_ID + i, username, people[i][1], username + "@example.com", active, systemAdmin,
                    username);
        }
    }

    private static void groups(Seeder s) throws SQLException {
        List<String> active = List.of("admin", "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi");
        members(s, "jira-administrators", List.of("admin"));
        members(s, "jira-software-users", active);
        members(s, "developers", List.of("alice", "carol", "dave", "grace"));
        members(s, "operations", List.of("bob", "erin"));
        // frank is deliberately outside hr-team: tests use him to show a user who cannot browse HR.
        members(s, "hr-team", List.of("erin", "heidi"));
        members(s, "leads", List.of("alice", "erin"));
        members(s, "confluence-users", active);
        // Jira's default: the users group may browse users and groups (the pickers' suggestions)
        s.globalGrant(World.USER_PICKER, GROUP, "jira-software-users");
    }

    private static void members(Seeder s, String group, List<String> usernames) throws SQLException {
        s.group(group);
        for (String username : usernames) {
            s.member(group, username);
        }
    }

    private static void projects(Seeder s) throws SQLException {
        s.project(10000L, "DEMO", "Demo Platform", "alice",
                List.of("Story", "Bug", "Task", "Epic"), List.of("Backend", "Frontend", "Infrastructure"));
        s.project(10001L, "OPS", "Operations", "erin",
                List.of("Task", "Incident", "Change"), List.of("Network", "Databases", "Monitoring"));
        s.project(10002L, "HR", "People", "heidi",
                List.of("Task", "Hiring"), List.of("Recruiting", "Onboarding"));

        // bob browses DEMO through jira-software-users but is in neither developers nor leads.
        s.projectGrant("DEMO", World.BROWSE_PROJECTS, GROUP, "jira-software-users");
        s.projectGrant("DEMO", World.EDIT_ISSUES, GROUP, "developers");
        s.projectGrant("DEMO", World.EDIT_ISSUES, GROUP, "leads");
        s.projectGrant("DEMO", World.ADMINISTER_PROJECTS, USER, "alice");
        s.projectGrant("OPS", World.BROWSE_PROJECTS, GROUP, "jira-software-users");
        s.projectGrant("OPS", World.EDIT_ISSUES, GROUP, "operations");
        s.projectGrant("OPS", World.EDIT_ISSUES, GROUP, "leads");
        s.projectGrant("OPS", World.ADMINISTER_PROJECTS, USER, "erin");
        s.projectGrant("HR", World.BROWSE_PROJECTS, GROUP, "hr-team");
        s.projectGrant("HR", World.EDIT_ISSUES, GROUP, "hr-team");
        s.projectGrant("HR", World.ADMINISTER_PROJECTS, USER, "heidi");

        // Creating and moving issues goes with editing them; deleting and issue security with administering.
        for (String[] p : new String[][] {{"DEMO", "developers", "leads", "alice"}, {"OPS", "operations", "leads", "erin"},
                {"HR", "hr-team", null, "heidi"}}) {
            for (String permission : List.of(World.CREATE_ISSUES, World.MOVE_ISSUES)) {
                s.projectGrant(p[0], permission, GROUP, p[1]);
                if (p[2] != null) {
                    s.projectGrant(p[0], permission, GROUP, p[2]);
                }
            }
            s.projectGrant(p[0], World.DELETE_ISSUES, USER, p[3]);
            s.projectGrant(p[0], World.SET_ISSUE_SECURITY, USER, p[3]);
        }
    }

    /** HR's scheme has one level, "Compensation": heidi and the issue's reporter. HR-3 is at it. */
    private static void issueSecurity(Seeder s) throws SQLException {
        s.securityLevel(COMPENSATION_LEVEL_ID, "HR", "Compensation");
        s.securityMember(COMPENSATION_LEVEL_ID, WorldChanges.MemberType.USER, "heidi");
        s.securityMember(COMPENSATION_LEVEL_ID, WorldChanges.MemberType.REPORTER, "");
        s.issueSecurity(FIRST_ISSUE_ID + HR_OFFSET + 2, COMPENSATION_LEVEL_ID);
    }

    private static void demoIssues(Seeder s) throws SQLException {
        demo(s, 1, "Task", DONE, "alice", "carol", List.of("Backend", "Infrastructure"), List.of("architecture"),
                "Choose the message broker",
                "Compare Kafka, RabbitMQ and a managed queue for order events; record the decision and why.");
        demo(s, 2, "Task", IN_PROGRESS, "alice", "alice", List.of(), List.of("process", "release"),
                "Adopt trunk-based development",
                "Short-lived branches, feature flags for unfinished work, main always releasable.");
        demo(s, 3, "Epic", IN_PROGRESS, "alice", "dave", List.of("Backend"), List.of("architecture"),
                "Split billing out of the monolith",
                "Move invoicing and payment retries into their own service with its own database.");
        demo(s, 4, "Bug", TODO, "bob", "grace", List.of("Frontend"), List.of("ux"),
                "Login page flickers on slow connections",
                "On a throttled 3G profile the form renders twice before the styles arrive.");
        demo(s, 5, "Task", DONE, "erin", "dave", List.of("Infrastructure"), List.of("cost"),
                "Move CI runners to spot instances",
                "Build agents are idle most of the night; spot capacity should halve the bill.");
        demo(s, 6, "Story", IN_PROGRESS, "erin", "carol", List.of("Backend", "Infrastructure"), List.of("security"),
                "Rotate database credentials automatically",
                "Services fetch short-lived credentials from the vault instead of reading a config file.");
        demo(s, 7, "Task", TODO, "alice", "alice", List.of("Backend"), List.of("architecture", "release"),
                "Define the public API versioning policy",
                "Decide how long old versions live and who may approve a breaking change.");
        demo(s, 8, "Bug", DONE, "carol", "grace", List.of("Backend", "Frontend"), List.of("performance"),
                "Dashboard loads all projects at once",
                "With 400 projects the dashboard takes 9 seconds; page the project list.");
        demo(s, 9, "Task", TODO, "alice", "dave", List.of(), List.of("release"),
                "Release 4.2 checklist",
                "Freeze, release notes, migration guide, announcement, rollback plan.");
        demo(s, 10, "Task", TODO, "erin", "carol", List.of("Infrastructure"), List.of("architecture", "cost"),
                "Pick a feature-flag service",
                "Hosted or self-built: compare price, latency and audit trail.");
        demo(s, 11, "Bug", IN_PROGRESS, "grace", "carol", List.of("Backend"), List.of("security"),
                "Password reset links never expire",
                "A reset link from last year still works; links must expire after one hour and after use.");
        demo(s, 12, "Story", TODO, "grace", "grace", List.of("Frontend"), List.of("ux"),
                "Accessible colour palette for charts",
                "Charts must stay readable for colour-blind users and meet WCAG AA contrast.");
        demo(s, 13, "Bug", TODO, "dave", "grace", List.of("Frontend"), List.of("security"),
                "Render <b>bold</b> & \"quotes\" safely",
                "Summaries are user input and must appear exactly as typed, never as markup:"
                        + " <script>alert('x')</script> & <i>all</i>.");
        demo(s, 14, "Story", DONE, "carol", "dave", List.of("Backend"), List.of("cost", "performance"),
                "Cache exchange rates for an hour",
                "Every checkout calls the rates provider; an hourly cache cuts calls by 99%.");
        demo(s, 15, "Epic", TODO, "erin", "bob", List.of("Infrastructure"), List.of("cost", "tech-debt"),
                "Decommission the legacy reporting cluster",
                "Move the last three reports to the warehouse, then switch the old cluster off.");
        demo(s, 16, "Task", IN_PROGRESS, "dave", "dave", List.of("Backend"), List.of("tech-debt"),
                "Upgrade the services to Java 17",
                "Records and text blocks, and the old runtime loses security updates next year.");
        demo(s, 17, "Bug", TODO, "bob", null, List.of("Backend"), List.of(),
                "Search ignores accented characters",
                "Searching for 'Muller' does not find 'M\u00fcller'.");
        demo(s, 18, "Task", TODO, "alice", "erin", List.of("Infrastructure"), List.of("architecture", "process"),
                "Decide who approves production schema changes",
                "Today anyone with database access can change the schema; agree who decides and who is consulted.");
        demo(s, 19, "Story", TODO, "alice", "grace", List.of("Frontend"), List.of("ux"),
                "Onboarding tour for new workspace admins",
                "A five-step tour that shows where users, permissions and billing live.");
        demo(s, 20, "Task", IN_PROGRESS, "erin", "carol", List.of("Backend", "Infrastructure"),
                List.of("performance", "release"),
                "Load-test the checkout before the November sale",
                "Replay last year's peak at twice the rate against staging.");
    }

    private static void opsIssues(Seeder s) throws SQLException {
        ops(s, 1, "Change", DONE, "erin", "bob", List.of("Databases"), List.of("process"),
                "Primary database failover drill",
                "Fail over to the replica in business hours and time how long checkout is unavailable.");
        ops(s, 2, "Incident", DONE, "bob", "bob", List.of("Network"), List.of(),
                "VPN drops connections every 30 minutes",
                "Remote staff lose their session every half hour since the gateway update.");
        ops(s, 3, "Task", IN_PROGRESS, "erin", "bob", List.of("Monitoring"), List.of(),
                "Alert on disk usage above 80%",
                "Page the on-call engineer before a volume fills, not after.");
        ops(s, 4, "Change", TODO, "bob", "erin", List.of("Network"), List.of("security"),
                "Renew TLS certificates for *.example.com",
                "The wildcard certificate expires at the end of the month.");
        ops(s, 5, "Incident", DONE, "alice", "erin", List.of("Databases", "Monitoring"), List.of("performance"),
                "Checkout latency spike after the index rebuild",
                "p99 latency went from 300 ms to 4 s for twenty minutes.");
        ops(s, 6, "Change", TODO, "erin", "bob", List.of("Monitoring"), List.of("cost"),
                "Reduce log retention to 30 days",
                "Ninety days of debug logs cost more than the servers that write them.");
        ops(s, 7, "Change", IN_PROGRESS, "bob", "bob", List.of("Databases"), List.of("security"),
                "Patch PostgreSQL to the latest minor release",
                "Apply the security fixes on the replica first, then fail over.");
        ops(s, 8, "Task", TODO, "erin", "erin", List.of("Monitoring"), List.of("process"),
                "Document the on-call escalation path",
                "Who is called when, and who may decide to roll back.");
        ops(s, 9, "Change", TODO, "bob", null, List.of("Network"), List.of("cost"),
                "Replace the office firewall",
                "The current appliance leaves support in March.");
        ops(s, 10, "Task", TODO, "erin", "bob", List.of("Databases"), List.of(),
                "Restore test for the billing database backup",
                "Restore last night's backup into a scratch instance and check the row counts.");
    }

    private static void hrIssues(Seeder s) throws SQLException {
        hr(s, 1, "Hiring", IN_PROGRESS, "heidi", "heidi", List.of("Recruiting"), List.of(),
                "Hire a senior backend engineer",
                "Second engineer for the billing service; panel: alice, carol, heidi.");
        hr(s, 2, "Task", DONE, "heidi", "erin", List.of("Onboarding"), List.of("process"),
                "Onboarding checklist for engineers",
                "Accounts, laptop, buddy, first issue, first release in the first two weeks.");
        hr(s, 3, "Task", TODO, "heidi", "heidi", List.of(), List.of("confidential", "cost"),
                "Salary bands review for 2027",
                "Compare bands with market data before budget planning.");
        hr(s, 4, "Hiring", TODO, "erin", "heidi", List.of("Recruiting"), List.of(),
                "Hire a site reliability engineer",
                "Joins the operations team; on-call after three months.");
        hr(s, 5, "Task", IN_PROGRESS, "erin", "erin", List.of("Onboarding"), List.of(),
                "Laptop and accounts ready on day one",
                "Order hardware two weeks ahead and create accounts the Friday before.");
        hr(s, 6, "Task", TODO, "heidi", null, List.of("Recruiting"), List.of("process"),
                "Interview training for team leads",
                "Structured interviews and how to write feedback that helps the decision.");
    }

    private static void confluence(Seeder s) throws SQLException {
        s.space(98305L, "TEAM", "Team Space");
        s.space(98306L, "ENG", "Engineering");
        s.spaceGrant("TEAM", World.VIEW_SPACE, GROUP, "confluence-users");
        s.spaceGrant("TEAM", World.EDIT_SPACE, GROUP, "leads");
        s.spaceGrant("TEAM", World.EDIT_SPACE, GROUP, "developers");
        s.spaceGrant("ENG", World.VIEW_SPACE, GROUP, "developers");
        s.spaceGrant("ENG", World.VIEW_SPACE, GROUP, "leads");
        s.spaceGrant("ENG", World.VIEW_SPACE, GROUP, "operations");
        s.spaceGrant("ENG", World.EDIT_SPACE, GROUP, "developers");
        // each space has an administrator who is no system administrator (the access matrix's "space admin")
        s.spaceGrant("TEAM", World.ADMINISTER_SPACE, USER, "alice");
        s.spaceGrant("ENG", World.ADMINISTER_SPACE, USER, "grace");
        // Storage format as Confluence's editor writes it: every macro with its schema version and a macro id.
        String admin = "JIRAUSER" + FIRST_USER_ID;
        s.page(TEAM_CHARTER_PAGE_ID, "TEAM", "Platform team charter",
                "<p>The platform team owns the shared runtime, the build pipeline and the developer tooling."
                        + " This charter says who decides what.</p>"
                        + macro("mandate-team-charter", "0b5c1f5e-6a1d-4c1e-9d43-6f3a2c7e8b01", "team", "PLATFORM")
                        + "<h2>How we keep our decisions</h2>"
                        + "<p>Owners, due dates and advice, from the decisions in our domains.</p>"
                        + macro("mandate-accountability-report", "7c2e9a40-1b8d-4f6a-a5e2-3d9b0c4f7e12", "team", "PLATFORM"),
                admin, EPOCH);
        s.page(ARCHITECTURE_PAGE_ID, "ENG", "Architecture decisions",
                "<p>Who owns the architecture decisions of the Demo Platform, and how well they are kept.</p>"
                        + macro("mandate-accountability-report", "2f6d8b13-9e4a-4b7c-8d21-5a0e6c3f9b24", "project", "DEMO"),
                admin, EPOCH);
        s.page(OPERATIONS_CHARTER_PAGE_ID, "TEAM", "Operations team charter",
                "<p>The operations team keeps production running: the databases, the network and the on-call rota."
                        + " This charter says who decides what.</p>"
                        + macro("mandate-team-charter", "9a4f0d27-3c6e-4e8b-b1f9-0e7d2a5c6b38", "team", "OPS_TEAM")
                        + "<h2>How we keep our decisions</h2>"
                        + macro("mandate-accountability-report", "c3e1b5a9-7d2f-4a0c-9e68-4b1f8d2a0c47", "team", "OPS_TEAM"),
                admin, EPOCH);
    }

    /** A body-less macro with one parameter, in Confluence's storage format. */
    static String macro(String name, String macroId, String parameter, String value) {
        return "<ac:structured-macro ac:name=\"" + name + "\" ac:schema-version=\"1\" ac:macro-id=\"" + macroId + "\">"
                + "<ac:parameter ac:name=\"" + parameter + "\">" + value + "</ac:parameter></ac:structured-macro>";
    }

    private static void demo(Seeder s, int n, String type, String status, String reporter, String assignee,
                             List<String> components, List<String> labels, String summary, String description)
            throws SQLException {
        issue(s, "DEMO", DEMO_OFFSET, n, type, status, reporter, assignee, components, labels, summary, description);
    }

    private static void ops(Seeder s, int n, String type, String status, String reporter, String assignee,
                            List<String> components, List<String> labels, String summary, String description)
            throws SQLException {
        issue(s, "OPS", OPS_OFFSET, n, type, status, reporter, assignee, components, labels, summary, description);
    }

    private static void hr(Seeder s, int n, String type, String status, String reporter, String assignee,
                           List<String> components, List<String> labels, String summary, String description)
            throws SQLException {
        issue(s, "HR", HR_OFFSET, n, type, status, reporter, assignee, components, labels, summary, description);
    }

    /**
     * Ids and times follow from the position alone: issue {@code index} has id 10000 + index and was created
     * at EPOCH + index hours; "In Progress" issues were updated a day later, "Done" ones two days later.
     */
    private static void issue(Seeder s, String project, int offset, int n, String type, String status,
                              String reporter, String assignee, List<String> components, List<String> labels,
                              String summary, String description) throws SQLException {
        int index = offset + n - 1;
        Instant created = EPOCH.plus(Duration.ofHours(index));
        Instant updated = switch (status) {
            case IN_PROGRESS -> created.plus(Duration.ofDays(1));
            case DONE -> created.plus(Duration.ofDays(2));
            default -> created;
        };
        s.issue(FIRST_ISSUE_ID + index, project, n, summary, description, type, components, labels, status,
                reporter, assignee, created, updated);
    }
}
