// unverified: the TerminalClause page was not retrieved (searches were spent on the function types). From Jira's
// public API as used by plugins: interface TerminalClause extends Clause, with Operand getOperand(),
// Operator getOperator(), Optional<Property> getProperty(); Clause gives String getName() and accept(ClauseVisitor).
// Only getName() and getOperand() are declared (the plugin only receives clauses; the host implements them).
package com.atlassian.query.clause;

import com.atlassian.query.operand.Operand;

/** A leaf of a JQL query: a field name, an operator and an operand ({@code issue in decisionsOverdue()}). */
public interface TerminalClause {
    String getName();

    Operand getOperand();
}
