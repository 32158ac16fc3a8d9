package io.mandate.refhost.plugin;

/** The plugin cannot start; the message names the module, class, template or resource at fault. */
public class PluginStartException extends RuntimeException {
    public PluginStartException(String message) {
        super(message);
    }

    public PluginStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
