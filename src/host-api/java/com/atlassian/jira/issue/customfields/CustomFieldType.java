// Checked against https://docs.atlassian.com/jira/latest/com/atlassian/jira/issue/customfields/CustomFieldType.html
// (@PublicApi @PublicSpi interface CustomFieldType<T, S>: T transport object, S singular object;
// getValueFromIssue(CustomField, Issue) -> T, getSingularObjectFromString(String) -> S throws
// FieldValidationException, getStringFromSingularObject(S) -> String). These three members are the ones
// CalculatedCFType leaves abstract. Also declared: @Nonnull Map<String, Object> getVelocityParameters(Issue,
// CustomField, FieldLayoutItem) — the parameters a type adds to its view templates' context (Jira merges them into
// the context of the view, column-view and xml templates; AbstractCustomFieldType implements it with a new empty
// HashMap; public subclasses override it calling super, code corpus e.g. GenericTextCFType subclasses). Every other
// member of the real interface (about 30) is implemented by AbstractCustomFieldType / CalculatedCFType and omitted.
package com.atlassian.jira.issue.customfields;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.customfields.impl.FieldValidationException;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.fields.layout.field.FieldLayoutItem;

import java.util.Map;

/** A type of custom field: how its values are read, shown and converted. */
public interface CustomFieldType<T, S> {
    T getValueFromIssue(CustomField field, Issue issue);

    S getSingularObjectFromString(String string) throws FieldValidationException;

    String getStringFromSingularObject(S singularObject);

    /** Parameters the type adds to the context of its templates; {@code issue} is null for a default value. */
    Map<String, Object> getVelocityParameters(Issue issue, CustomField field, FieldLayoutItem fieldLayoutItem);
}
