package io.mandate.authority;

/** A write that named a version which is no longer current (or an object that is gone: {@code currentVersion} -1). */
public class StaleVersionException extends RuntimeException {

    private final int currentVersion;

    public StaleVersionException(int currentVersion) {
        super("stale version; current is " + currentVersion);
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
