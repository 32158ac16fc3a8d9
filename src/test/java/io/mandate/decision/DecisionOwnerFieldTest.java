package io.mandate.decision;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.customfields.impl.FieldValidationException;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import org.junit.Before;
import org.junit.Test;

import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.fail;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The "Decision owner" custom field type: the approver of the issue's decision, or nothing. */
public class DecisionOwnerFieldTest {

    private DecisionStore store;
    private UserManager userManager;
    private DecisionOwnerField field;
    private final ApplicationUser carol = mock(ApplicationUser.class);

    @Before
    public void setUp() {
        store = mock(DecisionStore.class);
        userManager = mock(UserManager.class);
        when(store.approverKey(anyLong())).thenReturn(Optional.empty());
        when(userManager.getUserByKey("k-carol")).thenReturn(carol);
        when(userManager.getUserByName("carol")).thenReturn(carol);
        when(carol.getUsername()).thenReturn("carol");
        field = new DecisionOwnerField(store, userManager);
    }

    private static Issue issue(Long id) {
        Issue issue = mock(Issue.class);
        when(issue.getId()).thenReturn(id);
        return issue;
    }

    @Test
    public void valueIsTheApproverOfTheIssuesDecision() {
        when(store.approverKey(10004L)).thenReturn(Optional.of("k-carol"));
        assertSame(carol, field.getValueFromIssue(null, issue(10004L)));
    }

    @Test
    public void noDecisionOrNoApproverIsNoValue() {
        assertNull(field.getValueFromIssue(null, issue(10005L)));
    }

    @Test
    public void anIssueBeingCreatedHasNoValueAndCostsNoQuery() {
        assertNull(field.getValueFromIssue(null, issue(null)));
        verify(store, never()).approverKey(anyLong());
    }

    @Test
    public void anApproverTheHostNoLongerKnowsIsNoValue() {
        when(store.approverKey(10006L)).thenReturn(Optional.of("k-gone"));
        assertNull(field.getValueFromIssue(null, issue(10006L)));
    }

    @Test
    public void usersAreWrittenAndReadAsUsernames() {
        assertEquals("carol", field.getStringFromSingularObject(carol));
        assertNull(field.getStringFromSingularObject(null));
        assertSame(carol, field.getSingularObjectFromString(" carol "));
        assertNull(field.getSingularObjectFromString(""));
    }

    @Test
    public void anUnknownUsernameIsAValidationError() {
        try {
            field.getSingularObjectFromString("nobody");
            fail("an unknown user must be refused");
        } catch (FieldValidationException e) {
            assertEquals("No user nobody", e.getMessage());
        }
    }

    @Test
    public void aDatabaseThatDoesNotAnswerIsNoValueRatherThanABrokenIssueView() {
        when(store.approverKey(10004L)).thenThrow(io.mandate.platform.rest.ApiException.unavailable(
                new java.sql.SQLTransientConnectionException("pool", "08001")));
        assertNull(field.getValueFromIssue(null, issue(10004L)));

        when(store.approverKey(10005L)).thenThrow(new IllegalStateException("a bug"));
        org.junit.Assert.assertThrows("any other failure is not hidden", IllegalStateException.class,
                () -> field.getValueFromIssue(null, issue(10005L)));
    }
}
