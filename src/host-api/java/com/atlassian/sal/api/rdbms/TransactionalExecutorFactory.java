// Checked against https://docs.atlassian.com/sal-parent/3.0.0/apidocs/com/atlassian/sal/api/rdbms/package-summary.html
// ("Provided by the host application for creating TransactionalExecutor") and the host implementations'
// javadoc (e.g. BambooTransactionalExecutorFactory 9.2.11: createExecutor(), createExecutor(boolean readOnly,
// boolean requiresNew)). Jira and Confluence provide it since SAL 3.0.
package com.atlassian.sal.api.rdbms;

/** Creates executors that hand a JDBC connection of the product's database to a callback. */
public interface TransactionalExecutorFactory {

    TransactionalExecutor createExecutor();

    TransactionalExecutor createExecutor(boolean readOnly, boolean requiresNew);
}
