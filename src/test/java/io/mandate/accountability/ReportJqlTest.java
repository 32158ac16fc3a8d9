package io.mandate.accountability;

import org.junit.Test;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.Assert.assertEquals;

/**
 * The "view in issue search" JQL of each list: Mandate's functions with the scope's clause where JQL joined by AND can
 * say it, the listed keys otherwise; values quoted so a name cannot end the clause.
 */
public class ReportJqlTest {

    private static final PageScope DEMO = PageScope.of(new String[]{"DEMO"}, null, null);
    private static final PageScope ARCH = PageScope.of(null, new String[]{"ARCH"}, null);
    private static final PageScope TWO_DOMAINS = PageScope.of(null, new String[]{"ARCH,RELEASE"}, null);
    private static final PageScope LEADS = PageScope.of(null, null, new String[]{"leads"});
    private static final List<String> KEYS = List.of("DEMO-3", "DEMO-10");

    @Test
    public void aProjectScopeJoinsTheProjectAndTheListsFunction() {
        assertEquals(Optional.of("project = DEMO AND issue in decisionsOverdue() ORDER BY key"), ReportJql.ofList(DEMO, "overdue", KEYS));
        assertEquals(Optional.of("project = DEMO AND issue in decisionsWithViolation() ORDER BY key"), ReportJql.ofList(DEMO, "violations", KEYS));
        assertEquals(Optional.of("project = DEMO AND issue in decisionsDueForReview() ORDER BY key"), ReportJql.ofList(DEMO, "dueForReview", KEYS));
    }

    @Test
    public void consultationGapsAreTheOpenOnesOnly() {
        assertEquals(Optional.of("project = DEMO AND issue in decisionsWithConsultationGap()"
                        + " AND issue not in decisionsInStatus(DECIDED) AND issue not in decisionsInStatus(DEFERRED)"
                        + " AND issue not in decisionsInStatus(REVERSED) ORDER BY key"),
                ReportJql.ofList(DEMO, "consultationGaps", KEYS));
    }

    @Test
    public void oneDomainAndTheWholeInstanceUseFunctionsToo() {
        assertEquals(Optional.of("issue in decisionsInDomain(ARCH) AND issue in decisionsOverdue() ORDER BY key"),
                ReportJql.ofList(ARCH, "overdue", KEYS));
        assertEquals(Optional.of("issue in decisionsOverdue() ORDER BY key"), ReportJql.ofList(PageScope.all(), "overdue", KEYS));
    }

    @Test
    public void unownedSeveralDomainsAndGroupsNameTheListedKeys() {
        Optional<String> keys = Optional.of("key in (DEMO-3, DEMO-10) ORDER BY key");
        assertEquals(keys, ReportJql.ofList(DEMO, "unowned", KEYS));
        assertEquals(keys, ReportJql.ofList(TWO_DOMAINS, "overdue", KEYS));
        assertEquals(keys, ReportJql.ofList(LEADS, "violations", KEYS));
    }

    @Test
    public void anEmptyListOrOneTooLongToNameHasNoLink() {
        assertEquals(Optional.empty(), ReportJql.ofList(DEMO, "overdue", List.of()));
        List<String> many = IntStream.rangeClosed(1, ReportJql.MAX_KEYS + 1).mapToObj(i -> "DEMO-" + i).toList();
        assertEquals(Optional.empty(), ReportJql.ofList(LEADS, "overdue", many));
        assertEquals(ReportJql.MAX_KEYS, many.subList(1, many.size()).size());
        assertEquals(true, ReportJql.ofList(LEADS, "overdue", many.subList(1, many.size())).isPresent());
    }

    @Test
    public void aPersonsLoadIsWhatTheyApproveInTheScope() {
        assertEquals(Optional.of("project = DEMO AND issue in decisionsApprovedBy(alice) ORDER BY key"), ReportJql.ofLoad(DEMO, "alice"));
        assertEquals(Optional.of("issue in decisionsApprovedBy(alice) ORDER BY key"), ReportJql.ofLoad(PageScope.all(), "alice"));
        assertEquals(Optional.empty(), ReportJql.ofLoad(LEADS, "alice"));
        assertEquals(Optional.empty(), ReportJql.ofLoad(TWO_DOMAINS, "alice"));
    }

    @Test
    public void namesThatAreNotPlainWordsAreQuotedAndEscaped() {
        assertEquals("alice.o-neil@x_1", ReportJql.literal("alice.o-neil@x_1"));
        assertEquals("\"a b\"", ReportJql.literal("a b"));
        assertEquals("\"x) OR project = HR\"", ReportJql.literal("x) OR project = HR"));
        assertEquals("\"say \\\"hi\\\" \\\\\"", ReportJql.literal("say \"hi\" \\"));
        assertEquals("\"and\"", ReportJql.literal("and"));
        assertEquals("\"\"", ReportJql.literal(""));
    }
}
