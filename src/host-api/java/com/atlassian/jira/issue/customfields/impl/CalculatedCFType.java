// Checked against https://docs.atlassian.com/jira/latest/com/atlassian/jira/issue/customfields/impl/CalculatedCFType.html
// (@PublicSpi public abstract class CalculatedCFType<T,S> extends AbstractCustomFieldType<T,S>, public constructor
// CalculatedCFType(); it implements createValue, updateValue, getDefaultValue, getChangelogValue, ... so that only
// getStringFromSingularObject, getSingularObjectFromString and getValueFromIssue stay abstract — as in public
// subclasses, e.g. atlascommunity/jira-plugins-groovy JqlFunctionCFType, which override exactly those three).
// Review 2026-11-24: also checked against Jira's public source of com/atlassian/jira/issue/customfields/impl/
// CalculatedCFType.java (code corpus): no explicit constructor (implicit public no-argument one); it implements
// remove, validateFromParams, createValue, updateValue, getDefaultValue, setDefaultValue, getChangelogValue,
// getValueFromCustomFieldParams, getStringValueFromCustomFieldParams, compare, getConfigurationItemTypes and accept.
// unverified: the Jira 10 method table itself; members added to CustomFieldType after Jira 7 (getCloneValue,
// getCloneOptionConfiguration, isUserInputRequiredForMove, ...) are assumed to be default methods or implemented by
// AbstractCustomFieldType, as for a @PublicSpi type they must be (public Jira 8+ subclasses override only the three).
// EXTENDED by the plugin: the constructor and the abstract members are exactly the real ones.
package com.atlassian.jira.issue.customfields.impl;

/** A read-only custom field type whose value is computed, never stored by Jira. */
public abstract class CalculatedCFType<T, S> extends AbstractCustomFieldType<T, S> {
    public CalculatedCFType() {
    }
}
