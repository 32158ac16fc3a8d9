package io.mandate.decision;

import com.atlassian.jira.JiraDataType;
import com.atlassian.jira.JiraDataTypes;
import com.atlassian.jira.jql.operand.QueryLiteral;
import com.atlassian.jira.jql.query.QueryCreationContext;
import com.atlassian.jira.plugin.jql.function.AbstractJqlFunction;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.util.MessageSet;
import com.atlassian.jira.util.MessageSetImpl;
import com.atlassian.query.clause.TerminalClause;
import com.atlassian.query.operand.FunctionOperand;
import com.atlassian.sal.api.message.I18nResolver;
import io.mandate.platform.Person;

import java.util.List;
import java.util.Optional;

/**
 * The common part of Mandate's JQL functions ({@code issue in decisionsOverdue()} and friends): they
 * return the ids of issues whose decisions match, for use with {@code issue in …}. Name and list flag
 * come from the {@code <jql-function>} module's {@code <fname>} and {@code <list>} elements.
 */
public abstract class DecisionJqlFunction extends AbstractJqlFunction {

    private final DecisionSearch.Criterion criterion;
    private final DecisionSearch search;
    private final I18nResolver i18n;

    protected DecisionJqlFunction(DecisionSearch.Criterion criterion, DecisionSearch search, I18nResolver i18n) {
        this.criterion = criterion;
        this.search = search;
        this.i18n = i18n;
    }

    @Override
    public MessageSet validate(ApplicationUser searcher, FunctionOperand operand, TerminalClause terminalClause) {
        MessageSet messages = new MessageSetImpl();
        for (DecisionSearch.Problem problem : search.validate(criterion, operand.getName(), operand.getArgs())) {
            messages.addErrorMessage(i18n.getText(problem.key(), problem.args().toArray(new java.io.Serializable[0])));
        }
        return messages;
    }

    @Override
    public List<QueryLiteral> getValues(QueryCreationContext queryCreationContext, FunctionOperand operand,
                                        TerminalClause terminalClause) {
        Optional<Person> searcher = Optional.ofNullable(queryCreationContext == null ? null : queryCreationContext.getApplicationUser())
                .map(io.mandate.platform.JiraPeople::person);
        return search.issueIds(criterion, operand.getArgs(), searcher).stream()
                .map(id -> new QueryLiteral(operand, id))
                .toList();
    }

    @Override
    public int getMinimumNumberOfExpectedArguments() {
        return criterion.arguments();
    }

    @Override
    public JiraDataType getDataType() {
        return JiraDataTypes.ISSUE;
    }
}
