package io.mandate.authority;

import org.junit.Test;

import java.util.Arrays;
import java.util.Optional;

import static org.junit.Assert.assertEquals;

/** The seven delegation levels: numbers, names, who may approve. */
public class LevelTest {

    @Test
    public void levelsAreNumberedOneToSevenInManagement30Order() {
        assertEquals("TELL SELL CONSULT AGREE ADVISE INQUIRE DELEGATE",
                String.join(" ", Arrays.stream(Level.values()).map(Enum::name).toList()));
        assertEquals(1, Level.TELL.number());
        assertEquals(7, Level.DELEGATE.number());
    }

    @Test
    public void onlyAdviseAndAboveMayApprove() {
        assertEquals("ADVISE INQUIRE DELEGATE", String.join(" ",
                Arrays.stream(Level.values()).filter(Level::mayApprove).map(Enum::name).toList()));
    }

    @Test
    public void aLevelIsReadFromItsNumberOrItsName() {
        assertEquals(Optional.of(Level.CONSULT), Level.parse("3"));
        assertEquals(Optional.of(Level.AGREE), Level.parse(" agree "));
        assertEquals(Optional.empty(), Level.parse("0"));
        assertEquals(Optional.empty(), Level.parse("8"));
        assertEquals(Optional.empty(), Level.parse("٣")); // another script's digit is not a level
        assertEquals(Optional.empty(), Level.parse("DECIDE"));
        assertEquals(Optional.empty(), Level.parse(null));
    }
}
