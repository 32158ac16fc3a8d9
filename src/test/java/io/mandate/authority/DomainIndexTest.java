package io.mandate.authority;

import io.mandate.platform.IssueRef;
import org.junit.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The domain index answers exactly what the scope rules over every domain answer, while testing only the domains that
 * could match: those naming the issue's project (in any case) and those naming no project.
 */
public class DomainIndexTest {

    private static final List<String> PROJECTS = List.of("DEMO", "OPS", "WEB", "Data", "ÉTÉ");
    private static final List<String> TYPES = List.of("Task", "Bug", "Story");
    private static final List<String> COMPONENTS = List.of("Backend", "Frontend", "db");
    private static final List<String> LABELS = List.of("architecture", "Architecture", "security");

    @Test
    public void matchesExactlyAsTheRulesOverEveryDomainDo() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<Domain> domains = new ArrayList<>();
            Map<String, DomainScope> scopes = new LinkedHashMap<>();
            int count = 1 + random.nextInt(40);
            for (int i = 0; i < count; i++) {
                DomainScope scope = new DomainScope(some(random, PROJECTS, true), some(random, TYPES, false),
                        some(random, COMPONENTS, false), some(random, LABELS, false), random.nextInt(5) == 0 ? List.of("SPACE") : List.of());
                String key = String.format("D%03d", i);
                domains.add(new Domain(key, key, null, scope, 1));
                scopes.put(key, scope);
            }
            DomainIndex index = new DomainIndex(domains);
            for (int j = 0; j < 50; j++) {
                IssueRef issue = issue(random);
                assertEquals(issue + " over " + scopes, DomainMatch.of(issue, scopes), index.match(issue));
            }
        }
    }

    @Test
    public void anIssueIsTestedOnlyAgainstTheDomainsNamingItsProjectOrNone() {
        List<Domain> domains = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            domains.add(domain(String.format("P%04d", i), new DomainScope(List.of("PRJ" + i), List.of(), List.of(), List.of(), List.of())));
        }
        domains.add(domain("BUGS", new DomainScope(List.of(), List.of("Bug"), List.of(), List.of(), List.of())));
        domains.add(domain("WIKI", new DomainScope(List.of(), List.of(), List.of(), List.of(), List.of("SPACE"))));
        domains.add(domain("TWO", new DomainScope(List.of("prj7", "PRJ8"), List.of("Bug"), List.of(), List.of(), List.of())));
        DomainIndex index = new DomainIndex(domains);
        IssueRef bug = new IssueRef(1, "PRJ7-1", "s", 1, "PRJ7", "Bug", List.of(), List.of());

        assertEquals("PRJ7's own, TWO (named in lower case) and the project-less BUGS — not the 1,000 others nor a spaces-only one",
                List.of("P0007", "TWO", "BUGS"), index.candidates(bug).stream().map(Domain::key).toList());
        assertEquals(List.of("TWO"), index.match(bug).winners());
        assertEquals(List.of("BUGS"), index.match(new IssueRef(2, "X-1", "s", 2, "X", "Bug", List.of(), List.of())).winners());
        assertTrue(index.match(new IssueRef(3, "X-2", "s", 2, "X", "Task", List.of(), List.of())).winners().isEmpty());
        assertEquals("a key is found in any case and with spaces around it", "WIKI", index.get(" wiki ").orElseThrow().key());
    }

    private static Domain domain(String key, DomainScope scope) {
        return new Domain(key, key, null, scope, 1);
    }

    private static IssueRef issue(Random random) {
        String project = PROJECTS.get(random.nextInt(PROJECTS.size()));
        project = random.nextBoolean() ? project.toUpperCase(java.util.Locale.ROOT) : project.toLowerCase(java.util.Locale.ROOT);
        String type = random.nextInt(6) == 0 ? null : TYPES.get(random.nextInt(TYPES.size())).toLowerCase(java.util.Locale.ROOT);
        return new IssueRef(1, project + "-1", "s", 1, project, type, some(random, COMPONENTS, false), some(random, LABELS, false));
    }

    private static List<String> some(Random random, List<String> from, boolean likely) {
        List<String> picked = new ArrayList<>();
        if (random.nextInt(likely ? 4 : 2) == 0) {
            return picked;
        }
        for (String s : from) {
            if (random.nextInt(3) == 0) {
                picked.add(random.nextBoolean() ? s : s.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return picked;
    }
}
