package io.mandate.it;

import io.mandate.it.SecurityHttp.Reply;
import io.mandate.testing.RunningHost;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * What the report page tests add to the shared host, and take away again: five new DEMO issues with decisions that
 * fill every list of the DEMO report (made by alice, the project's lead, through Jira's and Mandate's REST APIs), and
 * the domain {@value #FORMULA_DOMAIN}, whose name is a spreadsheet formula, scoped to no issue (label
 * {@code rpt-never}) so nothing else sees it.
 *
 * <pre>
 *  1  DECIDED      approver alice  ARCH     review 2020-01-01      → due for review
 *  2  IN_PROGRESS  approver carol  ARCH     due 2020-01-01         → overdue; violation (carol only consults in ARCH)
 *  3  OPEN         no approver     RELEASE                         → unowned
 *  4  OPEN         approver erin   RELEASE  no contributors        → consultation gap (operations must be consulted)
 *  5  DECIDED      approver erin   SPEND
 * </pre>
 */
final class ReportFixture {

    static final String FORMULA_DOMAIN = "R_RPT_F";
    static final String FORMULA_NAME = "=HYPERLINK(\"http://example.com\",\"rpt\")";

    private static final String[] DECISIONS = {
            "{\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"alice\",\"domain\":\"ARCH\",\"reviewDate\":\"2020-01-01\",\"outcome\":\"Kafka\"}",
            "{\"status\":\"IN_PROGRESS\",\"driver\":\"alice\",\"approver\":\"carol\",\"domain\":\"ARCH\",\"dueDate\":\"2020-01-01\"}",
            "{\"status\":\"OPEN\",\"driver\":\"alice\",\"domain\":\"RELEASE\"}",
            "{\"status\":\"OPEN\",\"driver\":\"alice\",\"approver\":\"erin\",\"domain\":\"RELEASE\"}",
            "{\"status\":\"DECIDED\",\"driver\":\"alice\",\"approver\":\"erin\",\"domain\":\"SPEND\",\"outcome\":\"Yes\"}",
    };

    final List<String> issues = new ArrayList<>();

    private ReportFixture() {
    }

    static ReportFixture create() {
        String jira = RunningHost.jira();
        ReportFixture f = new ReportFixture();
        for (int i = 0; i < DECISIONS.length; i++) {
            Reply issue = post(jira + "/rest/api/2/issue", "alice", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},"
                    + "\"summary\":\"Report page decision " + (i + 1) + "\",\"issuetype\":{\"name\":\"Task\"}}}");
            assertEquals(issue.toString(), 201, issue.status());
            String key = issue.json().get("key").asText();
            f.issues.add(key);
            Reply put = SecurityHttp.putJson(jira + "/rest/mandate/1.0/decisions/" + key, "alice", DECISIONS[i]);
            assertTrue(put.toString(), put.status() == 200 || put.status() == 201);
        }
        Reply domain = post(jira + "/rest/mandate/1.0/domains", "admin", "{\"key\":\"" + FORMULA_DOMAIN + "\",\"name\":"
                + SecurityHttp.JSON.valueToTree(FORMULA_NAME) + ",\"scope\":{\"projects\":[\"OPS\"],\"labels\":[\"rpt-never\"]}}");
        assertEquals(domain.toString(), 201, domain.status());
        Reply grant = post(jira + "/rest/mandate/1.0/domains/" + FORMULA_DOMAIN + "/grants", "admin",
                "{\"holder\":{\"type\":\"user\",\"name\":\"alice\"},\"level\":\"ADVISE\"}");
        assertEquals(grant.toString(), 201, grant.status());
        return f;
    }

    /** Removes the issues (and so their decisions from every report) and the domain. */
    void delete() {
        String jira = RunningHost.jira();
        for (String key : issues) {
            Reply d = SecurityHttp.delete(jira + "/rest/api/2/issue/" + key, "admin");
            assertTrue(d.toString(), d.status() == 204 || d.status() == 404);
        }
        Reply d = SecurityHttp.delete(jira + "/rest/mandate/1.0/domains/" + FORMULA_DOMAIN, "admin");
        assertTrue(d.toString(), d.status() == 204 || d.status() == 404);
    }

    static Reply post(String url, String user, String json) {
        return SecurityHttp.send("POST", url, user, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }
}
