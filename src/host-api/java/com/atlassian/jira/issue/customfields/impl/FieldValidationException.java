// Checked (review 2026-11-24) against Jira's public source of com/atlassian/jira/issue/customfields/impl/
// FieldValidationException.java (code corpus): "@PublicApi public class FieldValidationException extends
// RuntimeException" with the single constructor FieldValidationException(String message). Unchecked, so callers of
// CustomFieldType.getSingularObjectFromString need no catch; the javadoc page itself was not found by the search.
package com.atlassian.jira.issue.customfields.impl;

/** A custom field value that cannot be read from the given text. */
public class FieldValidationException extends RuntimeException {
    public FieldValidationException(String message) {
        super(message);
    }
}
