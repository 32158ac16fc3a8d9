package io.mandate.authority;

import io.mandate.platform.IssueRef;
import org.junit.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** The scope rules of decision domains (issue 7, "Scope rules, exactly"). */
public class DomainScopeTest {

    private static final IssueRef BACKEND_STORY = new IssueRef(1, "DEMO-1", "Broker", 10000, "DEMO", "Story",
            List.of("Backend", "API"), List.of("architecture"));

    private static DomainScope scope(List<String> projects, List<String> types, List<String> components, List<String> labels) {
        return new DomainScope(projects, types, components, labels, List.of());
    }

    @Test
    public void everyNonEmptyDimensionMustMatch() {
        assertTrue(scope(List.of("DEMO"), List.of("Story"), List.of(), List.of()).matches(BACKEND_STORY));
        assertFalse("AND across dimensions", scope(List.of("DEMO"), List.of("Bug"), List.of(), List.of()).matches(BACKEND_STORY));
    }

    @Test
    public void anyValueWithinOneDimensionIsEnough() {
        assertTrue(scope(List.of("OPS", "DEMO"), List.of(), List.of(), List.of()).matches(BACKEND_STORY));
        assertTrue(scope(List.of(), List.of(), List.of("Frontend", "API"), List.of()).matches(BACKEND_STORY));
        assertFalse(scope(List.of(), List.of(), List.of("Frontend"), List.of()).matches(BACKEND_STORY));
    }

    @Test
    public void namesMatchWithoutRegardToCaseButLabelsExactly() {
        assertTrue(scope(List.of("demo"), List.of("story"), List.of("backend"), List.of()).matches(BACKEND_STORY));
        assertFalse("Jira's labels are case-sensitive", scope(List.of(), List.of(), List.of(), List.of("Architecture")).matches(BACKEND_STORY));
        assertTrue(scope(List.of(), List.of(), List.of(), List.of("architecture")).matches(BACKEND_STORY));
    }

    @Test
    public void aScopeWithoutJiraDimensionsMatchesNoIssue() {
        assertFalse(new DomainScope(List.of(), List.of(), List.of(), List.of(), List.of("TEAM")).matches(BACKEND_STORY));
        assertFalse(new DomainScope(List.of(), List.of(), List.of(), List.of(), List.of()).matches(BACKEND_STORY));
    }

    @Test
    public void specificityCountsTheNonEmptyJiraDimensionsOnly() {
        assertEquals(0, new DomainScope(List.of(), List.of(), List.of(), List.of(), List.of("TEAM")).specificity());
        assertEquals(2, scope(List.of("DEMO", "OPS"), List.of(), List.of("Backend"), List.of()).specificity());
        assertEquals(4, scope(List.of("DEMO"), List.of("Story"), List.of("Backend"), List.of("architecture")).specificity());
    }

    @Test
    public void theMostSpecificMatchingDomainWins() {
        Map<String, DomainScope> domains = new LinkedHashMap<>();
        domains.put("DEMO_ALL", scope(List.of("DEMO"), List.of(), List.of(), List.of()));
        domains.put("ARCH", scope(List.of("DEMO"), List.of("Story"), List.of("Backend"), List.of()));
        domains.put("OPS", scope(List.of("OPS"), List.of("Story"), List.of("Backend"), List.of("architecture")));
        DomainMatch match = DomainMatch.of(BACKEND_STORY, domains);
        assertEquals(Optional.of("ARCH"), match.domain());
        assertEquals(3, match.specificity());
        assertFalse(match.isTie());
    }

    @Test
    public void equalWinnersAreATieAndNoDomainIsPicked() {
        Map<String, DomainScope> domains = new LinkedHashMap<>();
        domains.put("RELEASE", scope(List.of("DEMO"), List.of(), List.of("API"), List.of()));
        domains.put("ARCH", scope(List.of(), List.of("Story"), List.of(), List.of("architecture")));
        domains.put("DEMO_ALL", scope(List.of("DEMO"), List.of(), List.of(), List.of()));
        DomainMatch match = DomainMatch.of(BACKEND_STORY, domains);
        assertTrue(match.isTie());
        assertEquals("both winners, sorted", List.of("ARCH", "RELEASE"), match.winners());
        assertEquals(Optional.empty(), match.domain());
    }

    @Test
    public void noMatchingDomainIsNoDomain() {
        DomainMatch match = DomainMatch.of(BACKEND_STORY, Map.of("OPS", scope(List.of("OPS"), List.of(), List.of(), List.of())));
        assertEquals(DomainMatch.NONE, match);
        assertEquals(Optional.empty(), match.domain());
    }
}
