// Checked against https://docs.atlassian.com/sal-parent/3.0.0/apidocs/com/atlassian/sal/api/rdbms/package-summary.html
// (ConnectionCallback<A>: "Callback to be executed by TransactionalExecutor.execute(ConnectionCallback)"; the
// documented example implements A execute(Connection connection) and wraps SQLException itself).
// The plugin implements it (as a lambda), so this is the complete list of abstract members.
package com.atlassian.sal.api.rdbms;

import java.sql.Connection;

/** Work on a connection the host lends for the duration of the call. */
public interface ConnectionCallback<A> {

    A execute(Connection connection);
}
