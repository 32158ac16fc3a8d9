package io.mandate.authority;

import java.util.Locale;
import java.util.Optional;

/**
 * Management 3.0's seven delegation levels, seen from the holder of a grant (product brief,
 * "Authority grant"). Past the REST boundary a level is always this enum, never a raw number.
 */
public enum Level {
    TELL(1), SELL(2), CONSULT(3), AGREE(4), ADVISE(5), INQUIRE(6), DELEGATE(7);

    private final int number;

    Level(int number) {
        this.number = number;
    }

    /** 1 (TELL) to 7 (DELEGATE). */
    public int number() {
        return number;
    }

    /** ADVISE, INQUIRE and DELEGATE decide: a holder at 5 or above may approve. */
    public boolean mayApprove() {
        return number >= ADVISE.number;
    }

    /** The level of a number 1–7 or a name (any case, surrounding blanks ignored); empty for anything else. */
    public static Optional<Level> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.matches("[1-7]")) {
            return Optional.of(values()[Integer.parseInt(t) - 1]);
        }
        for (Level level : values()) {
            if (level.name().equals(t.toUpperCase(Locale.ROOT))) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
