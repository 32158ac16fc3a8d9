// Checked against the atlassian-template-renderer source com/atlassian/templaterenderer/RenderingException.java
// (extends RuntimeException; constructors (String, Throwable), (String), (Throwable));
// doc page: https://docs.atlassian.com/atlassian-template-renderer/1.5.2/apidocs/com/atlassian/templaterenderer/TemplateRenderer.html
package com.atlassian.templaterenderer;

/** Thrown when a template cannot be rendered. */
public class RenderingException extends RuntimeException {
    public RenderingException(String message, Throwable cause) {
        super(message, cause);
    }

    public RenderingException(String message) {
        super(message);
    }

    public RenderingException(Throwable cause) {
        super(cause);
    }
}
