package io.mandate.accountability;

import io.mandate.accountability.DomainCoverage.ApprovingGrant;
import io.mandate.decision.DecisionStatus;
import org.junit.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** The report's tables as the CSV writes them: the JSON's values (the index unrounded), the heat map's levels. */
public class ReportTablesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    /** DEMO-9 open, alice, overdue; DEMO-10 open, nobody; OPS-1 decided by bob with a violation, due for review. */
    static AccountabilityReport report() {
        Instant nov = Instant.parse("2026-11-10T09:00:00Z");
        return AccountabilityAccumulator.report(List.of(
                        new DecisionFacts("DEMO-9", "DEMO", 9, DecisionStatus.OPEN, "alice", null, nov, null,
                                LocalDate.of(2026, 11, 30), "ARCH", false, false),
                        new DecisionFacts("DEMO-10", "DEMO", 10, DecisionStatus.OPEN, null, null, nov, null, null, "ARCH", false, true),
                        new DecisionFacts("OPS-1", "OPS", 1, DecisionStatus.DECIDED, "bob", null, nov, nov.plusSeconds(86_400 * 3),
                                null, "ARCH", true, false, LocalDate.of(2026, 12, 1))),
                List.of(new DomainCoverage("ARCH", List.of(ApprovingGrant.user("alice", "dave")))), TODAY, ZoneOffset.UTC);
    }

    static final Map<String, String> NAMES = Map.of("ARCH", "Architecture", "REL", "=1+2 release");

    static final CoverageGrid GRID = new CoverageGrid(List.of("ARCH", "REL"), List.of("alice", "bob"),
            Map.of("ARCH", Map.of("alice", 6, "bob", 1), "REL", Map.of("bob", 5)));

    private static ReportTables.Table table(String name) {
        return ReportTables.of(name, report(), GRID, NAMES).orElseThrow();
    }

    @Test
    public void loadAndTrendCarryTheJsonsValues() {
        assertEquals(List.of("user", "count", "state"), table("load").header());
        assertEquals(List.of(List.of("alice", "1", "active"), List.of("bob", "1", "active")), table("load").rows());
        ReportTables.Table trend = table("trend");
        assertEquals(List.of("month", "decisions", "index"), trend.header());
        assertEquals(12, trend.rows().size());
        // November: alice 1, bob 1 → Gini 0 → index 1.0; the JSON writes the same double
        assertEquals(List.of("2026-11", "3", "1.0"), trend.rows().get(10));
        assertEquals("a month without decisions has no index", List.of("2026-01", "0", ""), trend.rows().get(0));
    }

    @Test
    public void coverageHasADomainColumnThenOnePerPersonAndEmptyWhereNoLevel() {
        ReportTables.Table coverage = table("coverage");
        assertEquals(List.of("domain", "name", "alice", "bob"), coverage.header());
        assertEquals(List.of(List.of("ARCH", "Architecture", "6", "1"), List.of("REL", "=1+2 release", "", "5")), coverage.rows());
    }

    @Test
    public void asCsvAFormulaInADomainNameIsNeutralised() {
        ReportTables.Table coverage = table("coverage");
        String csv = ReportCsv.of(coverage.header(), coverage.rows());
        assertEquals("\uFEFFdomain,name,alice,bob\r\nARCH,Architecture,6,1\r\nREL,'=1+2 release,,5\r\n", csv);
    }

    @Test
    public void theIssueListsInTheReportsOrder() {
        assertEquals(List.of("issue"), table("unowned").header());
        assertEquals(List.of(List.of("DEMO-10")), table("unowned").rows());
        assertEquals(List.of(List.of("DEMO-9")), table("overdue").rows());
        assertEquals(List.of(List.of("OPS-1")), table("violations").rows());
        assertEquals(List.of(List.of("DEMO-10")), table("consultationGaps").rows());
        assertEquals(List.of(List.of("OPS-1")), table("dueForReview").rows());
    }

    @Test
    public void everyNamedTableExistsAndAnyOtherNameIsNone() {
        for (String name : ReportTables.NAMES) {
            assertTrue(name, ReportTables.of(name, report(), GRID, NAMES).isPresent());
        }
        assertTrue(ReportTables.of("nope", report(), GRID, NAMES).isEmpty());
        assertTrue(ReportTables.of(null, report(), GRID, NAMES).isEmpty());
    }
}
