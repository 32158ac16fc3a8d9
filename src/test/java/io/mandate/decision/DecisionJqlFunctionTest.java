package io.mandate.decision;

import com.atlassian.jira.JiraDataTypes;
import com.atlassian.jira.jql.operand.QueryLiteral;
import com.atlassian.jira.jql.query.QueryCreationContext;
import com.atlassian.jira.plugin.jql.function.JqlFunctionModuleDescriptor;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.util.MessageSet;
import com.atlassian.query.clause.TerminalClause;
import com.atlassian.query.operand.FunctionOperand;
import com.atlassian.sal.api.message.I18nResolver;
import io.mandate.platform.Person;
import org.junit.Before;
import org.junit.Test;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The JQL function entry points: Jira's types in, Mandate's search in between, Jira's types out. */
public class DecisionJqlFunctionTest {

    private DecisionSearch search;
    private I18nResolver i18n;
    private DecisionsApprovedByFunction function;
    private final TerminalClause clause = mock(TerminalClause.class);

    @Before
    public void setUp() {
        search = mock(DecisionSearch.class);
        i18n = mock(I18nResolver.class);
        when(i18n.getText(anyString(), any(Serializable[].class)))
                .thenAnswer(inv -> inv.getArgument(0) + ":" + List.of(inv.getArguments()).subList(1, inv.getArguments().length));
        function = new DecisionsApprovedByFunction(search, i18n);
        function.init(descriptor("decisionsApprovedBy", true));
    }

    private static JqlFunctionModuleDescriptor descriptor(String name, boolean list) {
        JqlFunctionModuleDescriptor d = mock(JqlFunctionModuleDescriptor.class);
        when(d.getFunctionName()).thenReturn(name);
        when(d.isList()).thenReturn(list);
        return d;
    }

    private static ApplicationUser user(String key, String name, String displayName) {
        ApplicationUser u = mock(ApplicationUser.class);
        when(u.getKey()).thenReturn(key);
        when(u.getUsername()).thenReturn(name);
        when(u.getDisplayName()).thenReturn(displayName);
        when(u.isActive()).thenReturn(true); // a searcher is a logged-in, active user (JiraPeople reads it since 9e3a70d)
        return u;
    }

    private static QueryCreationContext context(ApplicationUser user) {
        QueryCreationContext c = mock(QueryCreationContext.class);
        when(c.getApplicationUser()).thenReturn(user);
        return c;
    }

    @Test
    public void nameAndListFlagComeFromTheModuleDescriptor() {
        assertEquals("decisionsApprovedBy", function.getFunctionName());
        assertTrue(function.isList());
        function.init(descriptor("other", false));
        assertFalse(function.isList());
    }

    @Test
    public void itReturnsIssuesAndTakesOneArgument() {
        assertEquals(JiraDataTypes.ISSUE, function.getDataType());
        assertEquals(1, function.getMinimumNumberOfExpectedArguments());
        assertEquals(0, new DecisionsOverdueFunction(search, i18n).getMinimumNumberOfExpectedArguments());
    }

    @Test
    public void validationProblemsBecomeTranslatedErrorMessages() {
        FunctionOperand operand = new FunctionOperand("decisionsApprovedBy", "nobody");
        when(search.validate(DecisionSearch.Criterion.APPROVED_BY, "decisionsApprovedBy", List.of("nobody")))
                .thenReturn(List.of(new DecisionSearch.Problem(DecisionSearch.UNKNOWN_USER, List.of("decisionsApprovedBy", "nobody"))));
        MessageSet messages = function.validate(null, operand, clause);
        assertEquals(Set.of("mandate.jql.user.unknown:[decisionsApprovedBy, nobody]"), messages.getErrorMessages());
    }

    @Test
    public void validArgumentsGiveAnEmptyMessageSet() {
        when(search.validate(any(), anyString(), anyList())).thenReturn(List.of());
        assertFalse(function.validate(null, new FunctionOperand("decisionsApprovedBy", "carol"), clause).hasAnyMessages());
    }

    @Test
    public void valuesAreIssueIdsWithTheFunctionAsTheirSource() {
        FunctionOperand operand = new FunctionOperand("decisionsApprovedBy", "carol");
        Person frank = new Person("k-frank", "frank", "Frank Fischer");
        when(search.issueIds(DecisionSearch.Criterion.APPROVED_BY, List.of("carol"), Optional.of(frank)))
                .thenReturn(List.of(10004L, 10005L));
        List<QueryLiteral> values = function.getValues(context(user("k-frank", "frank", "Frank Fischer")), operand, clause);
        assertEquals(List.of(new QueryLiteral(operand, 10004L), new QueryLiteral(operand, 10005L)), values);
    }

    @Test
    public void anAnonymousSearcherIsPassedOnAsNobody() {
        FunctionOperand operand = new FunctionOperand("decisionsApprovedBy", "carol");
        when(search.issueIds(eq(DecisionSearch.Criterion.APPROVED_BY), anyList(), eq(Optional.empty()))).thenReturn(List.of(1L));
        assertEquals(1, function.getValues(context(null), operand, clause).size());
    }

    @Test
    public void decisionsDueForReviewTakesNoArgumentAndReturnsTheSearchersIssuesDueForReview() {
        DecisionsDueForReviewFunction due = new DecisionsDueForReviewFunction(search, i18n);
        due.init(descriptor("decisionsDueForReview", true));
        assertEquals("decisionsDueForReview", due.getFunctionName());
        assertEquals(0, due.getMinimumNumberOfExpectedArguments());
        assertEquals(JiraDataTypes.ISSUE, due.getDataType());
        FunctionOperand operand = new FunctionOperand("decisionsDueForReview");
        Person frank = new Person("k-frank", "frank", "Frank Fischer");
        when(search.issueIds(DecisionSearch.Criterion.DUE_FOR_REVIEW, List.of(), Optional.of(frank))).thenReturn(List.of(10007L));
        assertEquals(List.of(new QueryLiteral(operand, 10007L)),
                due.getValues(context(user("k-frank", "frank", "Frank Fischer")), operand, clause));
        when(search.validate(DecisionSearch.Criterion.DUE_FOR_REVIEW, "decisionsDueForReview", List.of("x")))
                .thenReturn(List.of(new DecisionSearch.Problem(DecisionSearch.WRONG_ARGUMENT_COUNT, List.of("decisionsDueForReview", 0, 1))));
        assertEquals(Set.of("mandate.jql.arguments:[decisionsDueForReview, 0, 1]"),
                due.validate(null, new FunctionOperand("decisionsDueForReview", "x"), clause).getErrorMessages());
    }
}
