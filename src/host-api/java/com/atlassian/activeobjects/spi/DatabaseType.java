// Checked against the ao-plugin source activeobjects-spi/src/main/java/com/atlassian/activeobjects/spi/DatabaseType.java
// (https://docs.atlassian.com/activeobjects-plugin-parent-pom/2.0.1-0fc30df/ for the module);
// unverified: that the Platform 7 enum has exactly these constants.
package com.atlassian.activeobjects.spi;

/** The kind of database Active Objects is running on. */
public enum DatabaseType {
    H2,
    HSQL,
    MYSQL,
    POSTGRESQL,
    ORACLE,
    MS_SQL,
    DB2,
    DERBY_EMBEDDED,
    DERBY_NETWORK,
    NUODB,
    UNKNOWN
}
