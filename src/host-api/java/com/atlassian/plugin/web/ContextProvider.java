// Checked against https://docs.atlassian.com/atlassian-plugins-parent/2.10.2-m1/xref/com/atlassian/plugin/web/ContextProvider.html
// and https://docs.atlassian.com/jira-software/11.1.0-m0011/com/atlassian/greenhopper/web/rapid/PageLoadDataContextProvider.html
// IMPLEMENTED by the plugin: these are exactly the real abstract members.
package com.atlassian.plugin.web;

import com.atlassian.plugin.PluginParseException;

import java.util.Map;

/** Adds entries to the render context of a web fragment (web panel, web item, ...). */
public interface ContextProvider {
    void init(Map<String, String> params) throws PluginParseException;

    Map<String, Object> getContextMap(Map<String, Object> context);
}
