// Checked against the ao-plugin source activeobjects-core/.../external/ActiveObjectsUpgradeTask.java
// (module docs: https://docs.atlassian.com/activeobjects-plugin-parent-pom/2.0.1-0fc30df/). IMPLEMENTED by the plugin:
// these are exactly the real abstract members.
package com.atlassian.activeobjects.external;

/** An upgrade task that moves a plugin's Active Objects model from one model version to the next. */
public interface ActiveObjectsUpgradeTask {
    ModelVersion getModelVersion();

    void upgrade(ModelVersion currentVersion, ActiveObjects ao);
}
