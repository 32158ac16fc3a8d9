package io.mandate.platform;

import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

/** Values in a Jira REST path cannot change which resource it names. */
public class JiraPathTest {

    private static final JiraPath DECISIONS = JiraPath.root("/rest/mandate/1.0/decisions");

    @Test
    public void aPlainIssueKeyIsOneSegment() {
        assertEquals("/rest/mandate/1.0/decisions/DEMO-1", DECISIONS.segment("DEMO-1").toString());
    }

    @Test
    public void slashesQueryAndFragmentCharactersStayInsideTheSegment() {
        assertEquals("/rest/mandate/1.0/decisions/..%2F..%2Fapi%2F2%2Fuser%3Fusername%3Dadmin%23x",
                DECISIONS.segment("../../api/2/user?username=admin#x").toString());
    }

    @Test
    public void percentPlusSpaceAndNonAsciiAreEncodedAsUtf8() {
        assertEquals("/rest/mandate/1.0/decisions/a%25b%2Bc%20d%C3%A9", DECISIONS.segment("a%b+c dé").toString());
    }

    @Test
    public void dotSegmentsAndEmptySegmentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DECISIONS.segment(".."));
        assertThrows(IllegalArgumentException.class, () -> DECISIONS.segment("."));
        assertThrows(IllegalArgumentException.class, () -> DECISIONS.segment(""));
        assertThrows(IllegalArgumentException.class, () -> DECISIONS.segment(null));
    }

    @Test
    public void queryParametersAreEncoded() {
        assertEquals("/rest/mandate/1.0/decisions?project=DEMO&approver=a%26b%3Dc",
                DECISIONS.query("project", "DEMO").query("approver", "a&b=c").toString());
    }

    @Test
    public void theRootMustBeAPlainAbsolutePath() {
        assertThrows(IllegalArgumentException.class, () -> JiraPath.root("http://evil.example/rest"));
        assertThrows(IllegalArgumentException.class, () -> JiraPath.root("//evil.example/rest"));
        assertThrows(IllegalArgumentException.class, () -> JiraPath.root("rest/mandate"));
        assertThrows(IllegalArgumentException.class, () -> JiraPath.root("/rest/../secure"));
        assertThrows(IllegalArgumentException.class, () -> JiraPath.root("/rest?x=1"));
        assertThrows(IllegalArgumentException.class, () -> JiraPath.root("/rest/"));
    }

    @Test
    public void segmentsComeBeforeTheQuery() {
        assertThrows(IllegalStateException.class, () -> DECISIONS.query("a", "b").segment("DEMO-1"));
    }
}
