package io.mandate.decision;

import com.atlassian.event.api.EventPublisher;
import com.atlassian.jira.event.issue.IssueEvent;
import com.atlassian.jira.event.type.EventType;
import com.atlassian.jira.issue.Issue;
import org.junit.Before;
import org.junit.Test;

import java.util.Map;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** A moved issue's decision follows it to its new project; other issue events change nothing. */
public class DecisionIssueMovesTest {

    private DecisionStore store;
    private DecisionIssueMoves moves;
    private Issue issue;

    @Before
    public void setUp() {
        store = mock(DecisionStore.class);
        moves = new DecisionIssueMoves(mock(EventPublisher.class), store);
        issue = mock(Issue.class);
        when(issue.getId()).thenReturn(10_040L);
        when(issue.getKey()).thenReturn("OPS-11");
        when(issue.getProjectId()).thenReturn(10_001L);
    }

    @Test
    public void aMovedIssuesDecisionIsRecordedInTheIssuesNewProject() {
        moves.onIssueEvent(new IssueEvent(issue, Map.of(), null, EventType.ISSUE_MOVED_ID));
        verify(store).updateProjectId(10_040L, 10_001L);
    }

    @Test
    public void otherIssueEventsChangeNothing() {
        moves.onIssueEvent(new IssueEvent(issue, Map.of(), null, EventType.ISSUE_DELETED_ID));
        moves.onIssueEvent(new IssueEvent(issue, Map.of(), null, EventType.ISSUE_CREATED_ID));
        verify(store, never()).updateProjectId(anyLong(), anyLong());
    }
}
