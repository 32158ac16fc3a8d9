package io.mandate.decision;

/** A write carried a version that is no longer the stored one; nothing was changed. */
public class StaleDecisionException extends RuntimeException {

    private final int currentVersion;

    /** @param currentVersion the stored version, or -1 when a concurrent writer won and it is not known */
    public StaleDecisionException(int currentVersion) {
        super("The decision was changed by someone else (current version " + currentVersion + ").");
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
