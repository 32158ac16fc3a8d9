// Checked (2026-12-03) against public subclasses of AbstractCustomFieldType in the code corpus (e.g. TextCFType and
// GenericTextCFType subclasses), which import com.atlassian.jira.issue.fields.layout.field.FieldLayoutItem for
// CustomFieldType#getVelocityParameters(Issue, CustomField, FieldLayoutItem). The real interface (the field's place in
// a field layout: required, hidden, renderer) has members the plugin never calls; all are omitted. Jira passes null
// where a field is rendered outside a layout; the reference host always passes null.
package com.atlassian.jira.issue.fields.layout.field;

/** A field as a field layout configures it (required, hidden, its renderer). */
public interface FieldLayoutItem {
}
