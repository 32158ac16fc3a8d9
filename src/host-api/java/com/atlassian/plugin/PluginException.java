// Checked against https://docs.atlassian.com/atlassian-plugins-parent/4.4.10/xref/com/atlassian/plugin/PluginException.html
package com.atlassian.plugin;

/** Generic plugin-framework exception. */
public class PluginException extends RuntimeException {
    public PluginException() {
        super();
    }

    public PluginException(String s) {
        super(s);
    }

    public PluginException(Throwable throwable) {
        super(throwable);
    }

    public PluginException(String s, Throwable throwable) {
        super(s, throwable);
    }
}
