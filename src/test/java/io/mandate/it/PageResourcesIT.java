package io.mandate.it;

import io.mandate.testing.RunningHost;
import io.mandate.testing.RunningHost.Http;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.BeforeClass;
import org.junit.Test;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The plugin's scripts and styles reach exactly the pages that ask for them, as the Web Resource Manager delivers
 * them in Jira: the admin servlets require their own modules through the PageBuilderService (nothing in Jira asks
 * for a plugin's context on a plugin servlet page), the issue view asks for its context {@code jira.view.issue},
 * and every other page gets none of the plugin's resources. Read-only: changes nothing on the host.
 */
public class PageResourcesIT {

    private static final String PREFIX = "/download/resources/io.mandate.mandate:";

    @BeforeClass
    public static void startHost() {
        RunningHost.get();
    }

    /** The plugin's resources in the page's head, as "module/name", in order. */
    private static List<String> mandateResources(String url, String user) {
        Http.Reply reply = Http.get(url, user);
        assertEquals(url + ": " + reply.body(), 200, reply.status());
        Document doc = Jsoup.parse(reply.body());
        return doc.head().select("link[rel=stylesheet][href], script[src]").stream()
                .map(e -> e.hasAttr("href") ? e.attr("href") : e.attr("src"))
                .filter(u -> u.contains(PREFIX))
                .map(u -> u.substring(u.indexOf(PREFIX) + PREFIX.length()))
                .toList();
    }

    @Test
    public void theMatrixPageRequiresItsStylesAndItsDialogScript() {
        List<String> resources = mandateResources(RunningHost.jira() + "/plugins/servlet/mandate/matrix", "admin");
        assertEquals(List.of("mandate-resources/mandate.css", "matrix-admin/matrix-admin.js"), resources);
        // a project administrator's view of it (project settings link) gets them too
        assertEquals(resources, mandateResources(RunningHost.jira() + "/plugins/servlet/mandate/matrix?project=DEMO", "alice"));
        // and the URLs serve the files
        Http.Reply script = Http.get(RunningHost.jira() + PREFIX + "matrix-admin/matrix-admin.js", "admin");
        assertEquals(200, script.status());
        assertTrue(script.headers().firstValue("Content-Type").orElse(""), script.headers().firstValue("Content-Type").orElse("").startsWith("application/javascript"));
        assertTrue(script.body(), script.body().contains("mandate-grant-dialog"));
    }

    @Test
    public void theDecisionAdminPageRequiresItsStylesOnly() {
        assertEquals(List.of("mandate-resources/mandate.css"),
                mandateResources(RunningHost.jira() + "/plugins/servlet/mandate/admin", "admin"));
        Http.Reply css = Http.get(RunningHost.jira() + PREFIX + "mandate-resources/mandate.css", "admin");
        assertEquals(200, css.status());
        assertTrue(css.headers().firstValue("Content-Type").orElse(""), css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
    }

    @Test
    public void theReportPagesRequireTheStylesOnly() {
        // the report has no script: its scope chooser is plain forms, its charts are SVG drawn on the server
        assertEquals(List.of("mandate-resources/mandate.css"),
                mandateResources(RunningHost.jira() + "/plugins/servlet/mandate/report?project=DEMO", "bob"));
        assertEquals(List.of("mandate-resources/mandate.css"),
                mandateResources(RunningHost.jira() + "/plugins/servlet/mandate/report", "admin"));
        assertEquals("the project page is the host's own", List.of(), mandateResources(RunningHost.jira() + "/projects/DEMO", "bob"));
    }

    @Test
    public void theIssueViewGetsItsContextButNotTheMatrixScript() {
        List<String> resources = mandateResources(RunningHost.jira() + "/browse/DEMO-10", "alice");
        assertTrue(resources.toString(), resources.contains("mandate-resources/mandate.css"));
        assertTrue(resources.toString(), resources.contains("decision-dialog/decision-dialog.js"));
        assertTrue(resources.toString(), resources.stream().noneMatch(r -> r.startsWith("matrix-admin/")));
    }

    @Test
    public void pagesThatRequireNothingGetNoneOfThePluginsResources() {
        // the matrix page first, so a requirement that outlived its request would show on the pages after it
        mandateResources(RunningHost.jira() + "/plugins/servlet/mandate/matrix", "admin");
        for (String path : List.of("/", "/secure/admin", "/secure/admin/projects", "/plugins/servlet/project-config/DEMO/summary")) {
            assertEquals(path, List.of(), mandateResources(RunningHost.jira() + path, "admin"));
        }
        assertEquals("Confluence's space list", List.of(), mandateResources(RunningHost.confluence() + "/", "admin"));
    }

    @Test
    public void aServletPageDeniedBeforeItRendersGetsNoPageAtAll() {
        // the servlet requires its resources only once it renders; bob (no administration) is turned away first
        Http.Reply denied = Http.get(RunningHost.jira() + "/plugins/servlet/mandate/matrix", "bob");
        assertEquals(403, denied.status());
        Element script = Jsoup.parse(denied.body()).selectFirst("script[src*=matrix-admin.js]");
        assertEquals(null, script);
    }
}
