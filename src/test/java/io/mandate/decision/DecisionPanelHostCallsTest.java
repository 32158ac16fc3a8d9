package io.mandate.decision;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.index.IssueIndexingService;
import com.atlassian.jira.permission.ProjectPermissions;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.security.PermissionManager;
import com.atlassian.jira.security.plugin.ProjectPermissionKey;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import io.mandate.platform.HostEvents;
import io.mandate.platform.JiraIssueAccess;
import io.mandate.platform.People;
import io.mandate.platform.Person;
import io.mandate.platform.UserDirectory;
import io.mandate.refhost.platform.RefEventPublisher;
import io.mandate.testing.FixedClock;
import io.mandate.testing.Seams;
import org.junit.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The decision panel asks the host nothing twice: the real service and Jira adapter over Jira's interfaces, the issue
 * the view shows taken from the panel's context as it is (never looked up again by key or id), the viewer's two
 * permissions checked once each on it, and each person named — here Alice as driver, approver and contributor —
 * looked up once.
 */
public class DecisionPanelHostCallsTest {

    private static final Person ALICE = new Person("k-alice", "alice", "Alice Adams");
    private static final Person BOB = new Person("k-bob", "bob", "Bob Brown");
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    public void thePanelJudgesTheIssueItIsShownAndLooksEachPersonUpOnce() {
        Project demo = mock(Project.class);
        when(demo.getId()).thenReturn(10000L);
        when(demo.getKey()).thenReturn("DEMO");
        MutableIssue shown = mock(MutableIssue.class);
        when(shown.getId()).thenReturn(1L);
        when(shown.getKey()).thenReturn("DEMO-1");
        when(shown.getSummary()).thenReturn("Choose the broker");
        when(shown.getProjectObject()).thenReturn(demo);
        IssueManager issueManager = mock(IssueManager.class);
        when(issueManager.getIssueObject(anyLong())).thenReturn(shown);
        when(issueManager.getIssueObject(anyString())).thenReturn(shown);
        ApplicationUser bob = mock(ApplicationUser.class);
        UserManager userManager = mock(UserManager.class);
        when(userManager.getUserByKey(BOB.key())).thenReturn(bob);
        PermissionManager permissions = mock(PermissionManager.class);
        when(permissions.hasPermission(any(ProjectPermissionKey.class), any(Issue.class), eq(bob))).thenReturn(true);
        UserDirectory users = mock(UserDirectory.class);
        when(users.currentUser()).thenReturn(Optional.of(BOB));
        when(users.byKey(ALICE.key())).thenReturn(Optional.of(ALICE));
        when(users.byKey(BOB.key())).thenReturn(Optional.of(BOB));
        when(users.isActive(any())).thenReturn(true);
        DecisionStore store = mock(DecisionStore.class);
        when(store.find(1L)).thenReturn(Optional.of(new Decision(1L, 10000L, "DEMO-1", "DEMO", DecisionStatus.IN_PROGRESS,
                ALICE.key(), ALICE.key(), List.of(ALICE.key()), List.of(), null, null, null, false, null, T0, T0, 3)));
        DecisionService service = new DecisionService(store, new JiraIssueAccess(issueManager, permissions, userManager,
                mock(IssueIndexingService.class)), new People(users), new NoDomainAuthority(),
                new HostEvents(new RefEventPublisher()), FixedClock.utc(T0), Seams.caches());
        DecisionPanel panel = new DecisionPanel(service,
                new io.mandate.refhost.sal.RefI18nResolver(List.of("i18n/mandate"), getClass().getClassLoader()));

        Map<String, Object> context = new HashMap<>();
        context.put("issue", shown);
        Map<String, Object> rendered = panel.getContextMap(context);

        @SuppressWarnings("unchecked")
        Map<String, Object> view = (Map<String, Object>) rendered.get("decision");
        assertEquals("Alice Adams", view.get("approver"));
        assertEquals(List.of("Alice Adams"), view.get("contributors"));
        assertEquals(true, rendered.get("canEdit"));
        verify(issueManager, never()).getIssueObject(anyLong());
        verify(issueManager, never()).getIssueObject(anyString());
        verify(issueManager, never()).getIssueObjects(anyCollection());
        verify(permissions, times(1)).hasPermission(eq(ProjectPermissions.BROWSE_PROJECTS), eq(shown), eq(bob));
        verify(permissions, times(1)).hasPermission(eq(ProjectPermissions.EDIT_ISSUES), eq(shown), eq(bob));
        verify(users, times(1)).byKey(ALICE.key());
    }
}
