// Checked against https://docs.atlassian.com/jira/server/com/atlassian/query/operand/FunctionOperand.html
// (constructors (String), (String, Collection<String>), (String, String...); getArgs() -> List<String>, getName(),
// getDisplayString(), accept(OperandVisitor), equals/hashCode). A value class: trivial faithful implementation;
// accept(...) omitted as in Operand. unverified: the exact display format of getDisplayString() (Jira quotes
// arguments that need it; here arguments are joined as given).
package com.atlassian.query.operand;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** A function call in a JQL query, e.g. {@code decisionsApprovedBy(carol)}: its name and string arguments. */
public final class FunctionOperand implements Operand {
    private final String name;
    private final List<String> args;

    public FunctionOperand(String name) {
        this(name, List.of());
    }

    public FunctionOperand(String name, String... args) {
        this(name, Arrays.asList(args));
    }

    public FunctionOperand(String name, Collection<String> args) {
        this.name = Objects.requireNonNull(name, "name");
        this.args = List.copyOf(args);
    }

    @Override
    public String getName() {
        return name;
    }

    public List<String> getArgs() {
        return args;
    }

    @Override
    public String getDisplayString() {
        return name + "(" + String.join(", ", args) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FunctionOperand other && name.equals(other.name) && args.equals(other.args);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, args);
    }

    @Override
    public String toString() {
        return getDisplayString();
    }
}
