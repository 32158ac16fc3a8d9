// Checked against https://docs.atlassian.com/jira/latest/com/atlassian/jira/issue/customfields/impl/CalculatedCFType.html
// (CalculatedCFType<T,S> extends AbstractCustomFieldType<T,S>) and the CustomFieldType page; review 2026-11-24 also
// against Jira's public source of com/atlassian/jira/issue/customfields/impl/AbstractCustomFieldType.java (code
// corpus): "@PublicSpi public abstract class AbstractCustomFieldType<T, S> implements CustomFieldType<T, S>", no
// explicit constructor (so the implicit public no-argument one), and it implements every CustomFieldType member except
// getValueFromIssue, getSingularObjectFromString, getStringFromSingularObject and the persistence members that
// CalculatedCFType implements.
// Its implemented members are omitted except getVelocityParameters(Issue, CustomField, FieldLayoutItem), which the
// real class implements as "return new HashMap<String, Object>();" (a mutable map subclasses add to after calling
// super, as public subclasses do); the others the plugin calls none of. Because they are missing here, a subclass could
// declare one of them and compile here but not against the real jar. Members a subclass must NOT declare:
// final getKey(), getName(), getDescription(), getDescriptor(), getVelocityParameters(Issue); protected
// getI18nBean() (returns I18nHelper) and assertObjectImplementsType(Class, Object). HostApiSubclassRulesTest checks this.
// unverified: the Jira 10 AbstractCustomFieldType page (the sources read are of Jira 6/7 vintage).
package com.atlassian.jira.issue.customfields.impl;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.customfields.CustomFieldType;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.fields.layout.field.FieldLayoutItem;

import java.util.HashMap;
import java.util.Map;

/** The base of Jira's custom field types. */
public abstract class AbstractCustomFieldType<T, S> implements CustomFieldType<T, S> {
    public AbstractCustomFieldType() {
    }

    @Override
    public Map<String, Object> getVelocityParameters(Issue issue, CustomField field, FieldLayoutItem fieldLayoutItem) {
        return new HashMap<>();
    }
}
