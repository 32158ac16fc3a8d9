// Checked against https://docs.atlassian.com/beehive/0.0.6/apidocs/com/atlassian/beehive/ClusterLockService.html
// (@PublicApi interface, one method: ClusterLock getLockForName(String lockName); locks never time out, are not
// re-entrant; names up to 255 simple ASCII characters, reverse-DNS namespaced) and Confluence's
// BeehiveClusterLockService (same signature). Jira 10 / Confluence 9 export com.atlassian.beehive.
package com.atlassian.beehive;

/** Cluster-wide named locks, for work that must run on one node at a time. */
public interface ClusterLockService {

    ClusterLock getLockForName(String lockName);
}
