// Checked against https://docs.atlassian.com/DAC/javadoc/jira/reference/com/atlassian/jira/util/AbstractMessageSet.html
// (the MessageSet members it implements: addErrorMessage, addWarningMessage, addMessageSet, getErrorMessages,
// getWarningMessages, hasAnyErrors, hasAnyWarnings, hasAnyMessages, ...). Only those members are declared; the
// overloads with MessageLink / Level and the "InEnglish" variants are omitted.
package com.atlassian.jira.util;

import java.util.Set;

/** Error and warning messages of a validation, e.g. of a JQL function's arguments. */
public interface MessageSet {
    void addErrorMessage(String errorMessage);

    void addWarningMessage(String warningMessage);

    void addMessageSet(MessageSet messageSet);

    Set<String> getErrorMessages();

    Set<String> getWarningMessages();

    boolean hasAnyErrors();

    boolean hasAnyWarnings();

    boolean hasAnyMessages();
}
