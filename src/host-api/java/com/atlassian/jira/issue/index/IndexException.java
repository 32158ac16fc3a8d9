// Checked against https://docs.atlassian.com/jira/latest/com/atlassian/jira/issue/index/IndexException.html
// unverified: constructors beyond (String) and (Throwable).
package com.atlassian.jira.issue.index;

/** Indexing an issue failed. */
public class IndexException extends Exception {

    public IndexException(String message) {
        super(message);
    }

    public IndexException(Throwable cause) {
        super(cause);
    }
}
