// Checked against https://docs.atlassian.com/jira/latest/com/atlassian/jira/issue/customfields/impl/CalculatedCFType.html
// (@PublicSpi public abstract class CalculatedCFType<T,S> extends AbstractCustomFieldType<T,S>, public constructor
// CalculatedCFType(); it implements createValue, updateValue, getDefaultValue, getChangelogValue, ... so that only
// getStringFromSingularObject, getSingularObjectFromString and getValueFromIssue stay abstract — as in public
// subclasses, e.g. atlascommunity/jira-plugins-groovy JqlFunctionCFType, which override exactly those three).
// EXTENDED by the plugin: the constructor and the abstract members are exactly the real ones.
package com.atlassian.jira.issue.customfields.impl;

/** A read-only custom field type whose value is computed, never stored by Jira. */
public abstract class CalculatedCFType<T, S> extends AbstractCustomFieldType<T, S> {
    public CalculatedCFType() {
    }
}
