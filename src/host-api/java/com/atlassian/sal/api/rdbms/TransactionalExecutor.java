// Checked against https://docs.atlassian.com/sal-parent/3.0.0/apidocs/com/atlassian/sal/api/rdbms/TransactionalExecutor.html
// (@PublicApi; <A> A execute(ConnectionCallback<A> callback): "Execute a callback which is supplied a Connection,
// within a transaction"; the connection has autoCommit=false and must not be committed, rolled back or closed by
// the callback). getSchemaName() is not declared: SAL 3 returned a fugue Option, and the plugin does not need it
// because it qualifies nothing itself (see io.mandate.platform.HostSqlAggregates).
package com.atlassian.sal.api.rdbms;

/** Runs a callback with a JDBC connection inside a transaction the host manages. */
public interface TransactionalExecutor {

    <A> A execute(ConnectionCallback<A> callback);
}
