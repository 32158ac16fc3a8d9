package io.mandate.refhost.plugin;

import org.junit.Test;

import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** Import-Package is read as the OSGi specification writes it, version ranges included. */
public class OsgiHeaderTest {

    @Test
    public void aCommaInsideAQuotedVersionRangeDoesNotSplitTheClause() {
        List<OsgiHeader.Clause> clauses = OsgiHeader.parse("a.b;version=\"[6.0,7)\",c.d");
        assertEquals(2, clauses.size());
        assertEquals("a.b", clauses.get(0).path());
        assertEquals("[6.0,7)", clauses.get(0).attributes().get("version"));
        assertEquals("c.d", clauses.get(1).path());
        assertTrue(clauses.get(1).attributes().isEmpty());
    }

    @Test
    public void directivesAreSeparateFromAttributesQuotedOrNot() {
        OsgiHeader.Clause quoted = OsgiHeader.parse("x.y;resolution:=\"optional\";version=1.2").get(0);
        OsgiHeader.Clause plain = OsgiHeader.parse("x.y;resolution:=optional").get(0);
        assertEquals(Map.of("resolution", "optional"), quoted.directives());
        assertEquals(Map.of("version", "1.2"), quoted.attributes());
        assertEquals(Map.of("resolution", "optional"), plain.directives());
        assertTrue(plain.attributes().isEmpty());
    }

    @Test
    public void severalPathsShareTheirClausesParameters() {
        List<OsgiHeader.Clause> clauses = OsgiHeader.parse(" p.one ; p.two ;version=\"[1,2)\" ,p.three");
        assertEquals(List.of("p.one", "p.two", "p.three"), clauses.stream().map(OsgiHeader.Clause::path).toList());
        assertEquals("[1,2)", clauses.get(1).attributes().get("version"));
    }

    @Test
    public void anAbsentHeaderHasNoClauses() {
        assertTrue(OsgiHeader.parse(null).isEmpty());
        assertTrue(OsgiHeader.parse("  ").isEmpty());
    }

    @Test
    public void malformedHeadersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> OsgiHeader.parse("a.b,,c.d"));
        assertThrows(IllegalArgumentException.class, () -> OsgiHeader.parse("a.b;version=\"[1,2)"));
        assertThrows(IllegalArgumentException.class, () -> OsgiHeader.parse("version=1"));
        assertThrows(IllegalArgumentException.class, () -> OsgiHeader.parse("a.b;version=1;c.d"));
    }

    @Test
    public void aHalfOpenRangeHoldsItsFloorAndNotItsCeiling() {
        OsgiVersion.Range range = OsgiVersion.Range.parse("[6.0,7)");
        assertTrue(range.includes(OsgiVersion.parse("6.0.0")));
        assertTrue(range.includes(OsgiVersion.parse("6.9.12.m3")));
        assertFalse(range.includes(OsgiVersion.parse("7.0.0")));
        assertFalse(range.includes(OsgiVersion.parse("5.99")));
    }

    @Test
    public void anExclusiveFloorAndInclusiveCeilingAreHonoured() {
        OsgiVersion.Range range = OsgiVersion.Range.parse("(1.0,2.0]");
        assertFalse(range.includes(OsgiVersion.parse("1.0")));
        assertTrue(range.includes(OsgiVersion.parse("1.0.1")));
        assertTrue(range.includes(OsgiVersion.parse("2.0.0")));
        assertFalse(range.includes(OsgiVersion.parse("2.0.0.a")));
    }

    @Test
    public void aBareVersionMeansThatVersionOrLater() {
        OsgiVersion.Range range = OsgiVersion.Range.parse("1.2");
        assertFalse(range.includes(OsgiVersion.parse("1.1.9")));
        assertTrue(range.includes(OsgiVersion.parse("1.2")));
        assertTrue(range.includes(OsgiVersion.parse("99")));
    }

    @Test
    public void malformedVersionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> OsgiVersion.parse("6.x"));
        assertThrows(IllegalArgumentException.class, () -> OsgiVersion.Range.parse("[1,2"));
        assertThrows(IllegalArgumentException.class, () -> OsgiVersion.Range.parse("[1,2,3)"));
    }
}
