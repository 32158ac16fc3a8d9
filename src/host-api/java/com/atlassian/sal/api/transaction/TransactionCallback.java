// Checked against the sal-api source (com/atlassian/sal/api/transaction/TransactionCallback, decompiled sal-api jar)
// and its use in https://docs.atlassian.com/activeobjects-plugin-parent-pom/2.0.1-0fc30df/xref/com/atlassian/activeobjects/external/ActiveObjects.html
package com.atlassian.sal.api.transaction;

/** A unit of work to run inside a host transaction. */
public interface TransactionCallback<T> {
    T doInTransaction();
}
