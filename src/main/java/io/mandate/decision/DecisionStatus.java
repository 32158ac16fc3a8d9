package io.mandate.decision;

/** Where a decision stands. OPEN and IN_PROGRESS count as "open" in every report. */
public enum DecisionStatus {
    OPEN, IN_PROGRESS, DECIDED, DEFERRED, REVERSED;

    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }

    /** Parses a status name case-insensitively; empty when the text names no status. */
    public static java.util.Optional<DecisionStatus> parse(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        for (DecisionStatus s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }
}
