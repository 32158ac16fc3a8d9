// Checked against the ao-plugin source activeobjects-core/.../external/ModelVersion.java
// (module docs: https://docs.atlassian.com/activeobjects-plugin-parent-pom/2.0.1-0fc30df/).
// Real class: final, implements Comparable<ModelVersion>, private int constructor, valueOf(null) == version 0.
package com.atlassian.activeobjects.external;

/** An integer version of a plugin's Active Objects data model, used to order upgrade tasks. */
public final class ModelVersion implements Comparable<ModelVersion> {
    private final int version;

    private ModelVersion(int version) {
        this.version = version;
    }

    @Override
    public int compareTo(ModelVersion mv) {
        return Integer.compare(version, mv.version);
    }

    public boolean isOlderThan(ModelVersion mv) {
        return compareTo(mv) < 0;
    }

    public boolean isNewerThan(ModelVersion mv) {
        return compareTo(mv) > 0;
    }

    public boolean isSame(ModelVersion mv) {
        return compareTo(mv) == 0;
    }

    @Override
    public String toString() {
        return String.valueOf(version);
    }

    public static ModelVersion valueOf(String s) {
        return s == null ? new ModelVersion(0) : new ModelVersion(Integer.parseInt(s));
    }
}
