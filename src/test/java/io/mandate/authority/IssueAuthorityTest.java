package io.mandate.authority;

import io.mandate.platform.Person;
import io.mandate.platform.Principal;
import org.junit.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

/** The facts of one domain that the REST answer and the panel show, from its effective authority. */
public class IssueAuthorityTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final Domain ARCH = new Domain("ARCH", "Architecture", "How we build",
            new DomainScope(List.of("DEMO"), List.of(), List.of(), List.of(), List.of()), 1);
    private static final Function<String, Person> PERSON = key -> key == null ? null : new Person(key, "n-" + key, "D " + key);

    private static Grant grant(long id, Principal holder, Level level, String backup, LocalDate from, LocalDate to) {
        return new Grant(id, "ARCH", holder, level, backup, null, from, to, null, 1);
    }

    private static IssueAuthority.DomainAuthority facts(List<Grant> grants, Map<String, LocalDate> away) {
        Function<String, Optional<LocalDate>> awayUntil = k -> Optional.ofNullable(away.get(k));
        return IssueAuthority.of(ARCH, new EffectiveAuthority("ARCH", grants, TODAY, awayUntil, k -> true), PERSON, awayUntil);
    }

    private static List<String> holders(List<IssueAuthority.Holder> hs) {
        return hs.stream().map(h -> h.isUser() ? h.person().key() + ":" + h.level() : "group " + h.group() + ":" + h.level()).toList();
    }

    @Test
    public void eachHolderIsListedOnceUnderTheirStrongestValidGrant() {
        IssueAuthority.DomainAuthority d = facts(List.of(
                grant(1, Principal.user("carol"), Level.CONSULT, null, null, null),
                grant(2, Principal.user("carol"), Level.INQUIRE, "dave", null, TODAY),
                grant(3, Principal.group("developers"), Level.ADVISE, null, null, null),
                grant(4, Principal.user("bob"), Level.AGREE, null, null, null),
                grant(5, Principal.group("operations"), Level.CONSULT, null, null, null),
                grant(6, Principal.user("frank"), Level.TELL, null, null, null),
                grant(7, Principal.user("heidi"), Level.SELL, null, null, null),
                grant(8, Principal.user("erin"), Level.DELEGATE, null, TODAY.plusDays(1), null),
                grant(9, Principal.user("alice"), Level.DELEGATE, null, null, TODAY.minusDays(1))), Map.of());
        assertEquals("ARCH", d.key());
        assertEquals("Architecture", d.name());
        assertEquals(List.of("carol:INQUIRE", "group developers:ADVISE"), holders(d.approvers()));
        assertEquals("dave", d.approvers().get(0).backup().key());
        assertEquals(TODAY, d.approvers().get(0).validTo());
        assertNull(d.approvers().get(1).person());
        assertEquals(List.of("bob:AGREE"), holders(d.coDeciders()));
        assertEquals("carol's CONSULT is outranked by her INQUIRE", List.of("group operations:CONSULT"), holders(d.consulted()));
        assertEquals(List.of("heidi:SELL", "frank:TELL"), holders(d.told()));
        assertEquals(List.of(), d.standIns());
        assertEquals(List.of(), d.absent());
    }

    @Test
    public void aHolderAwayTodayIsAbsentAndTheirBackupStandsIn() {
        IssueAuthority.DomainAuthority d = facts(List.of(
                grant(1, Principal.user("carol"), Level.DELEGATE, "dave", null, null),
                grant(2, Principal.user("grace"), Level.ADVISE, null, null, null)),
                Map.of("carol", TODAY.plusDays(4), "grace", TODAY));
        assertEquals(1, d.standIns().size());
        IssueAuthority.StandIn s = d.standIns().get(0);
        assertEquals("carol", s.holder().key());
        assertEquals("dave", s.backup().key());
        assertEquals(Level.DELEGATE, s.level());
        assertEquals(TODAY.plusDays(4), s.until());
        assertEquals("both are away; grace has no backup, so nobody stands in for her", 2, d.absent().size());
        assertEquals("carol", d.absent().get(0).person().key());
        assertEquals("grace", d.absent().get(1).person().key());
        assertEquals(TODAY, d.absent().get(1).until());
    }
}
