// Checked against https://docs.atlassian.com/jira/server/com/atlassian/jira/plugin/jql/function/AbstractJqlFunction.html
// (@PublicSpi abstract class, public no-argument constructor; implements init, getModuleDescriptor, getFunctionName,
// isList; leaves getDataType, getMinimumNumberOfExpectedArguments, getValues, validate abstract).
// Review 2026-11-24: also checked against Jira's public source of com/atlassian/jira/plugin/jql/function/
// AbstractJqlFunction.java (code corpus, @since 4.0): no explicit constructor; public init, getModuleDescriptor,
// getFunctionName, isList; protected validateNumberOfArgs(FunctionOperand, int) -> MessageSet and protected
// getI18n() -> I18nHelper (moduleDescriptor.getI18nBean()). HostApiSubclassRulesTest keeps subclasses off those names.
// EXTENDED by the plugin: the constructor and the abstract members are exactly the real ones.
// Omitted (unused by the plugin, need types we do not declare): protected I18nHelper getI18n(),
// protected MessageSet validateNumberOfArgs(FunctionOperand, int). Subclasses must not declare methods with those names.
// The implemented members carry their real, trivial behaviour (the descriptor supplies name and list flag), because
// the plugin's functions inherit them at run time.
package com.atlassian.jira.plugin.jql.function;

/** The base of pluggable JQL functions: name and list flag come from the module descriptor. */
public abstract class AbstractJqlFunction implements JqlFunction {

    private volatile JqlFunctionModuleDescriptor moduleDescriptor;

    public AbstractJqlFunction() {
    }

    @Override
    public void init(JqlFunctionModuleDescriptor moduleDescriptor) {
        this.moduleDescriptor = moduleDescriptor;
    }

    public JqlFunctionModuleDescriptor getModuleDescriptor() {
        return moduleDescriptor;
    }

    @Override
    public String getFunctionName() {
        return moduleDescriptor.getFunctionName();
    }

    @Override
    public boolean isList() {
        return moduleDescriptor.isList();
    }
}
