// unverified: the FieldValidationException page was not found by the search. From Jira's public API as used by
// plugins: com.atlassian.jira.issue.customfields.impl.FieldValidationException, thrown by
// CustomFieldType.getSingularObjectFromString, constructed with a message; assumed to be a RuntimeException.
package com.atlassian.jira.issue.customfields.impl;

/** A custom field value that cannot be read from the given text. */
public class FieldValidationException extends RuntimeException {
    public FieldValidationException(String message) {
        super(message);
    }
}
