// Checked against https://docs.atlassian.com/DAC/javadoc/jira/reference/com/atlassian/query/operand/Operand.html
// (getName(), getDisplayString(), <R> R accept(OperandVisitor<R>)). accept(...) is omitted: the plugin neither
// implements Operand nor visits operands, and OperandVisitor is not declared.
package com.atlassian.query.operand;

/** The right-hand side of a JQL clause: a value, a list of values, EMPTY or a function call. */
public interface Operand {
    String getName();

    String getDisplayString();
}
