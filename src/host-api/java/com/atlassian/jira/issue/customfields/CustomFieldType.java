// Checked against https://docs.atlassian.com/jira/latest/com/atlassian/jira/issue/customfields/CustomFieldType.html
// (@PublicApi @PublicSpi interface CustomFieldType<T, S>: T transport object, S singular object;
// getValueFromIssue(CustomField, Issue) -> T, getSingularObjectFromString(String) -> S throws
// FieldValidationException, getStringFromSingularObject(S) -> String). Only these three members are declared: they
// are the ones CalculatedCFType leaves abstract; every other member of the real interface (about 30) is implemented
// by AbstractCustomFieldType / CalculatedCFType and omitted here.
package com.atlassian.jira.issue.customfields;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.customfields.impl.FieldValidationException;
import com.atlassian.jira.issue.fields.CustomField;

/** A type of custom field: how its values are read, shown and converted. */
public interface CustomFieldType<T, S> {
    T getValueFromIssue(CustomField field, Issue issue);

    S getSingularObjectFromString(String string) throws FieldValidationException;

    String getStringFromSingularObject(S singularObject);
}
