package io.mandate.charter;

import io.mandate.platform.JiraAnswer;
import org.junit.Before;
import org.junit.Test;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.mandate.charter.FakeJira.DOMAINS;
import static io.mandate.charter.FakeJira.decision;
import static io.mandate.charter.FakeJira.decisionsPath;
import static io.mandate.charter.FakeJira.domain;
import static io.mandate.charter.FakeJira.grantsPath;
import static io.mandate.charter.FakeJira.groupGrant;
import static io.mandate.charter.FakeJira.page;
import static io.mandate.charter.FakeJira.userGrant;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/** What the charter reads from Jira over the link, and what it makes of every way that can fail. */
public class JiraTeamReaderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private FakeJira jira;
    private final AtomicLong now = new AtomicLong();
    private JiraTeamReader reader;

    @Before
    public void setUp() {
        jira = new FakeJira();
        reader = new JiraTeamReader(jira, now::get);
    }

    private void sampleJira() {
        jira.answer(DOMAINS, page(domain("ARCH", "Architecture"), domain("RELEASE", "Release go/no-go"), domain("HIRING", "Hiring")))
                .answer(grantsPath("ARCH"), page(
                        userGrant("ARCH", "alice", "Alice Adams", 6, "dave", null, null),
                        groupGrant("ARCH", "leads", 4),
                        groupGrant("ARCH", "developers", 3),
                        groupGrant("ARCH", "operations", 1),
                        userGrant("ARCH", "erin", "Erin Evans", 7, null, null, "2026-11-19"),   // expired yesterday
                        userGrant("ARCH", "bob", "Bob Brown", 5, null, "2026-11-21", null)))    // starts tomorrow
                .answer(grantsPath("RELEASE"), page(userGrant("RELEASE", "erin", "Erin Evans", 5, "bob", null, "2026-11-20")))
                .answer(decisionsPath("ARCH", "OPEN"), page(decision("DEMO-3", "Pick a cache", "OPEN", null, null, false)))
                .answer(decisionsPath("ARCH", "IN_PROGRESS"), page(
                        decision("DEMO-10", "Choose the broker", "IN_PROGRESS", "Alice Adams", "2026-11-01", true),
                        decision("DEMO-1", "Split the monolith", "IN_PROGRESS", "Alice Adams", "2026-12-01", false)))
                .answer(decisionsPath("RELEASE", "OPEN"), page())
                .answer(decisionsPath("RELEASE", "IN_PROGRESS"), page(decision("DEMO-2", "Ship 2.0", "IN_PROGRESS", "Erin Evans", "2026-11-01", true)));
    }

    @Test
    public void rightsAndOpenDecisionsOfTheTeamsDomainsInTheChartersOrder() {
        sampleJira();
        TeamDecisionData data = reader.read(List.of("RELEASE", "ARCH"), TODAY);
        assertTrue(data.loaded());
        assertEquals(List.of(), data.notices());
        assertEquals(List.of("RELEASE", "ARCH"), data.domains().stream().map(TeamDecisionData.DomainRights::key).toList());
        TeamDecisionData.DomainRights arch = data.domains().get(1);
        assertEquals("Architecture", arch.name());
        assertEquals("valid today only: not erin (expired), not bob (from tomorrow)",
                List.of(new TeamDecisionData.Holder(false, "alice", "Alice Adams", "dave")), arch.approvers());
        assertEquals(List.of(new TeamDecisionData.Holder(true, "leads", "leads", null)), arch.coDeciders());
        assertEquals("CONSULT only; TELL is not shown", List.of(new TeamDecisionData.Holder(true, "developers", "developers", null)),
                arch.consulted());
        assertEquals("a grant valid until today still counts", "erin", data.domains().get(0).approvers().get(0).name());
        assertEquals("by due date, none last; equal dates by issue key", List.of("DEMO-2", "DEMO-10", "DEMO-1", "DEMO-3"),
                data.decisions().stream().map(TeamDecisionData.OpenDecision::issueKey).toList());
        TeamDecisionData.OpenDecision overdue = data.decisions().get(1);
        assertEquals(new TeamDecisionData.OpenDecision("DEMO-10", "Choose the broker", "IN_PROGRESS", "ARCH", "Alice Adams",
                LocalDate.of(2026, 11, 1), true), overdue);
        assertNull("no approver yet", data.decisions().get(3).approver());
        assertEquals(4, data.decisionsTotal());
        assertEquals(URI.create("https://jira.example.com"), data.jiraUrl());
    }

    @Test
    public void theTotalCountsOpenDecisionsBeyondTheOnesListed() {
        sampleJira();
        jira.answer(decisionsPath("RELEASE", "IN_PROGRESS"), "{\"startAt\":0,\"maxResults\":50,\"total\":80,\"values\":["
                + decision("DEMO-2", "Ship 2.0", "IN_PROGRESS", "Erin Evans", "2026-11-01", true) + "]}");
        TeamDecisionData data = reader.read(List.of("RELEASE"), TODAY);
        assertEquals(1, data.decisions().size());
        assertEquals(80, data.decisionsTotal());
    }

    @Test
    public void aTeamWithoutDomainsAsksJiraNothing() {
        TeamDecisionData data = reader.read(List.of(), TODAY);
        assertEquals(List.of(), jira.asked);
        assertTrue(data.loaded());
        assertEquals(List.of(), data.notices());
    }

    @Test
    public void aDomainJiraDoesNotHaveIsNamedAndTheOthersStillLoad() {
        sampleJira();
        TeamDecisionData data = reader.read(List.of("GONE", "ARCH"), TODAY);
        assertEquals(List.of(JiraNotice.of(JiraNotice.DOMAIN_UNKNOWN, "GONE")), data.notices());
        assertFalse(data.domains().get(0).known());
        assertTrue(data.domains().get(1).loaded());
        assertEquals(3, data.decisions().size());
        assertFalse("nothing is asked about a domain Jira does not list", jira.asked.stream().anyMatch(p -> p.contains("GONE")));
    }

    @Test
    public void withoutALinkTheCharterSaysSoAfterOneRequest() {
        jira.always(new JiraAnswer.NotLinked());
        assertFailsWholly(JiraNotice.NOT_LINKED);
    }

    @Test
    public void jiraDownOrTooSlowForTheLinksTimeoutIsOneNoticeAfterOneRequest() {
        jira.always(new JiraAnswer.Unreachable("connect timed out"));
        assertFailsWholly(JiraNotice.UNREACHABLE);
    }

    @Test
    public void aJiraWithoutMandateIsNamedAsSuch() {
        jira.always(new JiraAnswer.ErrorStatus(404));
        assertFailsWholly(JiraNotice.NO_MANDATE);
    }

    @Test
    public void jiraRefusingIsNamedWithItsStatus() {
        jira.always(new JiraAnswer.ErrorStatus(403));
        TeamDecisionData data = assertFailsWholly(JiraNotice.REFUSED);
        assertEquals(List.of("403"), data.notices().get(0).args());
    }

    @Test
    public void aJiraErrorIsNamedWithItsStatus() {
        jira.always(new JiraAnswer.ErrorStatus(503));
        assertEquals(List.of("503"), assertFailsWholly(JiraNotice.ERROR).notices().get(0).args());
    }

    @Test
    public void anAnswerThatIsNotMandatesJsonIsUnreadable() {
        jira.always(new JiraAnswer.Unreadable("the body is not JSON"));
        assertFailsWholly(JiraNotice.UNREADABLE);
        jira = new FakeJira().answer(DOMAINS, "[1,2]");
        reader = new JiraTeamReader(jira, now::get);
        assertEquals(JiraNotice.UNREADABLE, reader.read(List.of("ARCH"), TODAY).notices().get(0).key());
    }

    @Test
    public void aUserWhoMustAuthoriseTheLinkGetsTheLinkToDoSo() {
        URI authorise = URI.create("https://confluence.example.com/plugins/servlet/applinks/oauth/login-dance/authorize?applicationLinkID=x");
        jira.always(new JiraAnswer.AuthorisationNeeded(Optional.of(authorise)));
        TeamDecisionData data = assertFailsWholly(JiraNotice.AUTHORISE);
        assertEquals(authorise, data.notices().get(0).link());
        assertTrue(data.needsAuthorisation());
    }

    @Test
    public void jiraGoingDownHalfWayKeepsWhatWasReadAndAsksNothingMore() {
        sampleJira();
        jira.answer(decisionsPath("RELEASE", "OPEN"), new JiraAnswer.Unreachable("read timed out"));
        TeamDecisionData data = reader.read(List.of("RELEASE", "ARCH"), TODAY);
        assertEquals(JiraNotice.UNREACHABLE, data.notices().get(0).key());
        assertTrue("RELEASE's grants were read", data.domains().get(0).loaded());
        assertFalse("ARCH was not asked any more", data.domains().get(1).loaded());
        assertEquals("Architecture", data.domains().get(1).name());
        assertEquals(List.of(DOMAINS, grantsPath("RELEASE"), decisionsPath("RELEASE", "OPEN")), jira.asked);
    }

    @Test
    public void aDomainDeletedBetweenTwoRequestsCostsOnlyItsOwnPart() {
        sampleJira();
        jira.answer(grantsPath("RELEASE"), new JiraAnswer.ErrorStatus(404));
        TeamDecisionData data = reader.read(List.of("RELEASE", "ARCH"), TODAY);
        assertEquals(List.of(JiraNotice.of(JiraNotice.GRANTS_FAILED, "Release go/no-go")), data.notices());
        assertFalse(data.domains().get(0).loaded());
        assertTrue(data.domains().get(1).loaded());
        assertEquals(3, data.decisions().size());
    }

    @Test
    public void noRequestStartsOnceTheBudgetIsSpent() {
        sampleJira();
        // each answer takes two seconds: the budget of five is spent after the third
        jira.onRequest = () -> now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        TeamDecisionData data = reader.read(List.of("RELEASE", "ARCH"), TODAY);
        assertEquals(JiraNotice.TOO_SLOW, data.notices().get(0).key());
        assertEquals(List.of(DOMAINS, grantsPath("RELEASE"), decisionsPath("RELEASE", "OPEN")), jira.asked);
        assertFalse(data.domains().get(1).loaded());
    }

    private TeamDecisionData assertFailsWholly(String noticeKey) {
        TeamDecisionData data = reader.read(List.of("ARCH", "RELEASE"), TODAY);
        assertFalse(data.loaded());
        assertEquals(noticeKey, data.notices().get(0).key());
        assertEquals(1, data.notices().size());
        assertEquals("one request, then nothing more", 1, jira.asked.size());
        assertEquals(List.of("ARCH", "RELEASE"), data.domains().stream().map(TeamDecisionData.DomainRights::key).toList());
        assertTrue(data.decisions().isEmpty());
        return data;
    }
}
