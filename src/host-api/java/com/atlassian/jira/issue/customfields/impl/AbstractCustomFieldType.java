// Checked against https://docs.atlassian.com/jira/latest/com/atlassian/jira/issue/customfields/impl/CalculatedCFType.html
// (CalculatedCFType<T,S> extends AbstractCustomFieldType<T,S>) and the CustomFieldType page. unverified: the
// AbstractCustomFieldType page itself (its public no-argument constructor is assumed from CalculatedCFType's).
// Its implemented members (getVelocityParameters, getDescriptor, init, ...) are omitted: the plugin calls none.
package com.atlassian.jira.issue.customfields.impl;

import com.atlassian.jira.issue.customfields.CustomFieldType;

/** The base of Jira's custom field types. */
public abstract class AbstractCustomFieldType<T, S> implements CustomFieldType<T, S> {
    public AbstractCustomFieldType() {
    }
}
