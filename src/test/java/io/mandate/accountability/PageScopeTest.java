package io.mandate.accountability;

import io.mandate.platform.rest.ApiException;
import org.junit.Test;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** The report page's address as a scope: the REST parameters' rules, blank fields ignored, domains repeated or comma-separated. */
public class PageScopeTest {

    private static String[] v(String... values) {
        return values;
    }

    @Test
    public void aProjectKeyIsUpperCased() {
        PageScope s = PageScope.of(v("demo"), null, null);
        assertEquals(new AccountabilityService.Scope.Project("DEMO"), s.scope());
        assertEquals("DEMO", s.projectKey());
        assertEquals("project=DEMO", s.query());
    }

    @Test
    public void domainsFromCommasAndRepeatedParametersAreUpperCasedSortedAndDeduplicated() {
        PageScope s = PageScope.of(null, v("release, arch", "ARCH", " ,"), null);
        assertEquals(new AccountabilityService.Scope.Domains(List.of("ARCH", "RELEASE")), s.scope());
        assertEquals(List.of("ARCH", "RELEASE"), s.domainKeys());
        assertEquals("domain=ARCH%2CRELEASE", s.query());
    }

    @Test
    public void aGroupNameIsKeptAsGivenAndEncodedInTheQuery() {
        PageScope s = PageScope.of(null, null, v(" jira software users "));
        assertEquals(new AccountabilityService.Scope.Group("jira software users"), s.scope());
        assertEquals("group=jira+software+users", s.query());
    }

    @Test
    public void blankFieldsOfTheScopeFormsCountAsNotGivenAndNothingIsTheWholeInstance() {
        PageScope s = PageScope.of(v(""), v(" "), v());
        assertTrue(s.isAll());
        assertEquals(new AccountabilityService.Scope.All(), s.scope());
        assertEquals("", s.query());
        assertTrue(PageScope.of(null, null, null).isAll());
    }

    @Test
    public void twoKindsOrTwoProjectsAre400NamingEachKindGiven() {
        assertRefused(List.of("project", "group"), v("DEMO"), null, v("leads"));
        assertRefused(List.of("project", "domain"), v("DEMO"), v("ARCH"), v(""));
        assertRefused(List.of("project"), v("DEMO", "OPS"), null, null);
    }

    private static void assertRefused(List<String> fields, String[] project, String[] domain, String[] group) {
        try {
            PageScope.of(project, domain, group);
            fail("refused: " + fields);
        } catch (ApiException e) {
            assertEquals(400, e.status());
            assertEquals(fields, List.copyOf(e.errors().keySet()));
        }
    }
}
