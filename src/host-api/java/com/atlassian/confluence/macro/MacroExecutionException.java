// Checked against https://docs.atlassian.com/ConfluenceServer/javadoc/8.5.7/com/atlassian/confluence/macro/MacroExecutionException.html
// (extends Exception; four constructors including a no-arg one).
package com.atlassian.confluence.macro;

/** Thrown when a macro fails to execute. */
public class MacroExecutionException extends Exception {
    public MacroExecutionException() {
        super();
    }

    public MacroExecutionException(String message) {
        super(message);
    }

    public MacroExecutionException(String message, Throwable cause) {
        super(message, cause);
    }

    public MacroExecutionException(Throwable cause) {
        super(cause);
    }
}
