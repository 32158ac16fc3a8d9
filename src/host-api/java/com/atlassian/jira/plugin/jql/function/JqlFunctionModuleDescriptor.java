// Checked against Jira's source com/atlassian/jira/plugin/jql/function/JqlFunctionModuleDescriptor.java (public
// interface with getFunctionName() and isList(); fname / list are CHILD ELEMENTS of <jql-function>, list defaults
// to false) and https://docs.atlassian.com/jira-project/4.3-m5-r139056-1/com/atlassian/jira/plugin/jql/function/JqlFunctionModuleDescriptor.html
// The real interface extends JiraResourcedModuleDescriptor<JqlFunction>; that supertype is omitted.
// unverified: whether Jira 10 adds members (e.g. an I18nHelper getter) to this interface.
package com.atlassian.jira.plugin.jql.function;

/** The {@code <jql-function>} module of a plugin, as its function sees it. */
public interface JqlFunctionModuleDescriptor {
    String getFunctionName();

    boolean isList();
}
