// Checked against Jira's source com/atlassian/jira/plugin/jql/function/JqlFunctionModuleDescriptor.java (public
// interface with getFunctionName() and isList(); fname / list are CHILD ELEMENTS of <jql-function>, list defaults
// to false) and https://docs.atlassian.com/jira-project/4.3-m5-r139056-1/com/atlassian/jira/plugin/jql/function/JqlFunctionModuleDescriptor.html
// The real interface extends JiraResourcedModuleDescriptor<JqlFunction>; that supertype is omitted.
// Review 2026-11-24: the real interface also has I18nHelper getI18nBean() (AbstractJqlFunction.getI18n() calls it,
// Jira source since 4.0); omitted because the plugin never implements nor calls it (the host implements this type).
package com.atlassian.jira.plugin.jql.function;

/** The {@code <jql-function>} module of a plugin, as its function sees it. */
public interface JqlFunctionModuleDescriptor {
    String getFunctionName();

    boolean isList();
}
