package io.mandate.refhost.applinks;

import com.atlassian.applinks.api.ApplicationLinkRequestFactory;
import com.atlassian.applinks.api.ApplicationType;
import com.atlassian.applinks.api.CredentialsRequiredException;
import com.atlassian.applinks.api.application.jira.JiraApplicationType;
import com.atlassian.sal.api.net.Request;
import io.mandate.refhost.db.Database;
import io.mandate.refhost.sal.RefApplicationProperties;
import io.mandate.refhost.web.RequestContext;
import io.mandate.refhost.world.World;
import io.mandate.testing.TestDatabases;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** Confluence's link to Jira in the reference host, on HSQLDB and PostgreSQL: who may use it, and where it goes. */
@RunWith(Parameterized.class)
public class RefApplicationLinksTest {

    private static final URI JIRA = URI.create("http://localhost:2990/jira");

    /** An application type that is not Jira. */
    private interface OtherApplicationType extends ApplicationType {
    }

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabases.all();
    }

    private final String kind;
    private Database database;
    private World world;
    private RefApplicationLinks links;

    public RefApplicationLinksTest(String kind) {
        this.kind = kind;
    }

    @Before
    public void linkedConfluence() {
        database = TestDatabases.fresh(kind);
        world = World.open(database.dataSource());
        links = open();
        links.link(new RefApplicationLinks.Target(JIRA, LinkSignature.random()));
    }

    private RefApplicationLinks open() {
        RefApplicationProperties confluence = new RefApplicationProperties("/confluence");
        confluence.setBaseUrl("http://localhost:2990/confluence");
        return RefApplicationLinks.open(database.dataSource(), world, confluence);
    }

    @After
    public void close() {
        database.close();
    }

    private ApplicationLinkRequestFactory factory() {
        return links.getPrimaryApplicationLink(JiraApplicationType.class).createAuthenticatedRequestFactory();
    }

    /** Work that may need credentials. */
    private interface LinkWork<T> {
        T call() throws CredentialsRequiredException;
    }

    /** Runs the work during a request of {@code user} (null = anonymous), as the link reads the user from there. */
    private static <T> T as(String user, LinkWork<T> work) throws CredentialsRequiredException {
        CredentialsRequiredException[] needed = new CredentialsRequiredException[1];
        T result = RequestContext.runAs(new RequestContext(user, Locale.ENGLISH, null), () -> {
            try {
                return work.call();
            } catch (CredentialsRequiredException e) {
                needed[0] = e;
                return null;
            }
        });
        if (needed[0] != null) {
            throw needed[0];
        }
        return result;
    }

    @Test
    public void onlyTheJiraTypeHasALinkAndOnlyWhileItIsConfigured() {
        assertNotNull(links.getPrimaryApplicationLink(JiraApplicationType.class));
        assertNull(links.getPrimaryApplicationLink(OtherApplicationType.class));
        links.unlink();
        assertNull(links.getPrimaryApplicationLink(JiraApplicationType.class));
    }

    @Test
    public void aGrantIsKeptInTheDatabaseUntilRevoked() {
        assertFalse(links.isAuthorised("alice"));
        links.authorise("alice");
        links.authorise("alice");
        assertTrue("another node (or a restart) sees it", open().isAuthorised("alice"));
        assertFalse(links.isAuthorised("bob"));
        links.revoke("alice");
        assertFalse(open().isAuthorised("alice"));
    }

    @Test
    public void aDeactivatedOrUnknownUserCannotAuthoriseTheLink() {
        assertThrows(IllegalArgumentException.class, () -> links.authorise("ivan"));
        assertThrows(IllegalArgumentException.class, () -> links.authorise("nobody"));
        assertFalse(links.isAuthorised("ivan"));
        assertFalse(links.isAuthorised(null));
    }

    @Test
    public void withoutAGrantOrAUserTheLinkAsksForAuthorisation() {
        CredentialsRequiredException e = assertThrows(CredentialsRequiredException.class,
                () -> as("carol", () -> factory().createRequest(Request.MethodType.GET, "/rest/api/2/myself")));
        assertEquals(URI.create("http://localhost:2990/confluence" + RefApplicationLinks.AUTHORISE_PATH
                + "?applicationLinkID=" + RefApplicationLinks.LINK_ID), e.getAuthorisationURI());
        assertEquals(URI.create("http://localhost:2990/confluence" + RefApplicationLinks.AUTHORISE_PATH
                        + "?applicationLinkID=" + RefApplicationLinks.LINK_ID + "&redirectUrl=%2Fconfluence%2Fdisplay%2FENG"),
                e.getAuthorisationURI(URI.create("/confluence/display/ENG")));
        assertThrows("an anonymous visitor too", CredentialsRequiredException.class,
                () -> as(null, () -> factory().createRequest(Request.MethodType.GET, "/rest/api/2/myself")));
    }

    @Test
    public void anAuthorisedUsersRequestsGoOnlyIntoTheLinkedJira() throws Exception {
        links.authorise("alice");
        assertNotNull(as("alice", () -> factory().createRequest(Request.MethodType.GET, "/rest/api/2/myself")));
        assertNotNull(as("alice", () -> factory().createRequest(Request.MethodType.GET, JIRA + "/rest/api/2/myself")));
        assertThrows("the signature never leaves the host", IllegalArgumentException.class,
                () -> as("alice", () -> factory().createRequest(Request.MethodType.GET, "https://evil.example/rest/api/2/myself")));
        assertThrows("nor goes to a look-alike host", IllegalArgumentException.class,
                () -> as("alice", () -> factory().createRequest(Request.MethodType.GET, "http://localhost:2990/jira.evil.example/x")));
    }
}
