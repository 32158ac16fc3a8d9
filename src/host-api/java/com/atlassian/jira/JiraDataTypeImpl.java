// Checked against https://docs.atlassian.com/software/jira/docs/api/11.3.0/com/atlassian/jira/JiraDataTypeImpl.html
// (@Immutable @PublicApi final class; constructors (Class<?>), (Collection<? extends Class<?>>); asStrings(),
// matches(JiraDataType) with Object.class matching everything, getTypes()). A value class: trivial faithful
// implementation.
package com.atlassian.jira;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** A {@link JiraDataType} made of Java types. */
public final class JiraDataTypeImpl implements JiraDataType {
    private final Set<Class<?>> types;

    public JiraDataTypeImpl(Class<?> type) {
        this(List.of(type));
    }

    public JiraDataTypeImpl(Collection<? extends Class<?>> types) {
        this.types = Set.copyOf(types);
    }

    @Override
    public Collection<String> asStrings() {
        return types.stream().map(Class::getName).sorted().toList();
    }

    @Override
    public boolean matches(JiraDataType otherType) {
        if (!(otherType instanceof JiraDataTypeImpl other)) {
            return false;
        }
        if (types.contains(Object.class) || other.types.contains(Object.class)) {
            return true;
        }
        return other.types.stream().anyMatch(types::contains);
    }

    public Collection<Class<?>> getTypes() {
        return types;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JiraDataTypeImpl other && types.equals(other.types);
    }

    @Override
    public int hashCode() {
        return types.hashCode();
    }

    @Override
    public String toString() {
        return asStrings().toString();
    }
}
