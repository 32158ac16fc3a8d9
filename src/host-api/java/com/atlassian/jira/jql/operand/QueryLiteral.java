// Checked against https://docs.atlassian.com/jira/4.0/com/atlassian/jira/jql/operand/QueryLiteral.html (constructors
// (), (Operand), (Operand, Long), (Operand, String); getStringValue(), getLongValue(), getSourceOperand(), isEmpty();
// functions must set their FunctionOperand as the source). unverified: the Jira 10 page itself (the class is
// unchanged in the plugin code we saw: new QueryLiteral(operand, id)). A value class: trivial faithful implementation.
package com.atlassian.jira.jql.operand;

import com.atlassian.query.operand.Operand;

import java.util.Objects;

/** One literal value (an id as Long or a name as String) produced by an operand, e.g. by a JQL function. */
public final class QueryLiteral {
    private final Operand sourceOperand;
    private final Long longValue;
    private final String stringValue;

    public QueryLiteral() {
        this(null, null, null);
    }

    public QueryLiteral(Operand sourceOperand) {
        this(sourceOperand, null, null);
    }

    public QueryLiteral(Operand sourceOperand, Long longValue) {
        this(sourceOperand, longValue, null);
    }

    public QueryLiteral(Operand sourceOperand, String stringValue) {
        this(sourceOperand, null, stringValue);
    }

    private QueryLiteral(Operand sourceOperand, Long longValue, String stringValue) {
        this.sourceOperand = sourceOperand;
        this.longValue = longValue;
        this.stringValue = stringValue;
    }

    public String getStringValue() {
        return stringValue;
    }

    public Long getLongValue() {
        return longValue;
    }

    public Operand getSourceOperand() {
        return sourceOperand;
    }

    public boolean isEmpty() {
        return longValue == null && stringValue == null;
    }

    public String asString() {
        return longValue != null ? longValue.toString() : stringValue;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryLiteral other && Objects.equals(sourceOperand, other.sourceOperand)
                && Objects.equals(longValue, other.longValue) && Objects.equals(stringValue, other.stringValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourceOperand, longValue, stringValue);
    }

    @Override
    public String toString() {
        return isEmpty() ? "EMPTY" : asString();
    }
}
