// Checked against https://docs.atlassian.com/atlassian-plugins-parent/2.2.4/apidocs/com/atlassian/plugin/PluginParseException.html
// (extends PluginException extends RuntimeException; four constructors).
package com.atlassian.plugin;

/** Thrown by code that parses a plugin or a module's configuration. */
public class PluginParseException extends PluginException {
    public PluginParseException() {
        super();
    }

    public PluginParseException(String s) {
        super(s);
    }

    public PluginParseException(Throwable throwable) {
        super(throwable);
    }

    public PluginParseException(String s, Throwable throwable) {
        super(s, throwable);
    }
}
