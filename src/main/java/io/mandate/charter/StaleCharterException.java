package io.mandate.charter;

/**
 * A write that named a version which is no longer current; {@code currentVersion} is -1 when the charter is gone,
 * 0 when someone else created it meanwhile.
 */
class StaleCharterException extends RuntimeException {

    private final int currentVersion;

    StaleCharterException(int currentVersion) {
        super("stale charter; current version " + currentVersion);
        this.currentVersion = currentVersion;
    }

    int currentVersion() {
        return currentVersion;
    }
}
