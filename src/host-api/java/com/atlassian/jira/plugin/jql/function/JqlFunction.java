// Checked against https://docs.atlassian.com/jira/server/com/atlassian/jira/plugin/jql/function/AbstractJqlFunction.html
// (the interface's members as AbstractJqlFunction lists them: init, getFunctionName, isList implemented there;
// getDataType, getMinimumNumberOfExpectedArguments, getValues, validate left abstract) and
// https://docs.atlassian.com/jira/latest/com/atlassian/jira/dev/jql/function/EchoFunction.html (Jira 7+ signatures with
// ApplicationUser). IMPLEMENTED by the plugin (through AbstractJqlFunction): these are exactly the real members.
// The real interface is annotated @PublicSpi and uses @Nonnull on parameters; those annotations are omitted.
package com.atlassian.jira.plugin.jql.function;

import com.atlassian.jira.JiraDataType;
import com.atlassian.jira.jql.operand.QueryLiteral;
import com.atlassian.jira.jql.query.QueryCreationContext;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.util.MessageSet;
import com.atlassian.query.clause.TerminalClause;
import com.atlassian.query.operand.FunctionOperand;

import java.util.List;

/** A JQL function: validates its arguments and produces the values a clause compares against. */
public interface JqlFunction {
    void init(JqlFunctionModuleDescriptor moduleDescriptor);

    MessageSet validate(ApplicationUser searcher, FunctionOperand operand, TerminalClause terminalClause);

    List<QueryLiteral> getValues(QueryCreationContext queryCreationContext, FunctionOperand operand,
                                 TerminalClause terminalClause);

    int getMinimumNumberOfExpectedArguments();

    String getFunctionName();

    boolean isList();

    JiraDataType getDataType();
}
