// Checked against https://docs.atlassian.com/sal-api/2.0.16-SNAPSHOT/com/atlassian/sal/api/user/package-tree.html
// (extends RuntimeException) and the sal-api source (three constructors).
package com.atlassian.sal.api.user;

/** Thrown when a username cannot be resolved to a user, e.g. because the user store is unreachable. */
public class UserResolutionException extends RuntimeException {
    public UserResolutionException(String message, Throwable cause) {
        super(message, cause);
    }

    public UserResolutionException(Throwable cause) {
        super(cause);
    }

    public UserResolutionException(String message) {
        super(message);
    }
}
