// Checked against https://docs.atlassian.com/beehive/0.0.8/apidocs/com/atlassian/beehive/ClusterLock.html
// (public interface ClusterLock extends java.util.concurrent.locks.Lock; newCondition() is not supported and throws
// UnsupportedOperationException). Later beehive versions add isHeldByCurrentThread(); the plugin does not use it.
package com.atlassian.beehive;

import java.util.concurrent.locks.Lock;

/** A named lock held cluster-wide; not re-entrant. */
public interface ClusterLock extends Lock {
}
