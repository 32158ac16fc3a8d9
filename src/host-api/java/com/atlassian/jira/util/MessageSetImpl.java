// Checked against https://docs.atlassian.com/DAC/javadoc/jira/reference/com/atlassian/jira/util/AbstractMessageSet.html
// (MessageSetImpl is its known direct subclass, with a public no-argument constructor; public JQL function plugins
// create it with new MessageSetImpl()). The real class extends AbstractMessageSet, which is omitted here.
// A value class: trivial faithful implementation (unique messages in insertion order).
package com.atlassian.jira.util;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** The ordinary {@link MessageSet}. */
public final class MessageSetImpl implements MessageSet {
    private final Set<String> errors = new LinkedHashSet<>();
    private final Set<String> warnings = new LinkedHashSet<>();

    public MessageSetImpl() {
    }

    @Override
    public void addErrorMessage(String errorMessage) {
        errors.add(errorMessage);
    }

    @Override
    public void addWarningMessage(String warningMessage) {
        warnings.add(warningMessage);
    }

    @Override
    public void addMessageSet(MessageSet messageSet) {
        if (messageSet != null) {
            errors.addAll(messageSet.getErrorMessages());
            warnings.addAll(messageSet.getWarningMessages());
        }
    }

    @Override
    public Set<String> getErrorMessages() {
        return Collections.unmodifiableSet(errors);
    }

    @Override
    public Set<String> getWarningMessages() {
        return Collections.unmodifiableSet(warnings);
    }

    @Override
    public boolean hasAnyErrors() {
        return !errors.isEmpty();
    }

    @Override
    public boolean hasAnyWarnings() {
        return !warnings.isEmpty();
    }

    @Override
    public boolean hasAnyMessages() {
        return hasAnyErrors() || hasAnyWarnings();
    }

    @Override
    public String toString() {
        return "Errors: " + errors + ", Warnings: " + warnings;
    }
}
