package io.mandate.authority;

import io.mandate.platform.Person;
import io.mandate.platform.PersonLabel;
import io.mandate.platform.Principal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;

/**
 * One page of the authority matrix as the admin grid shows it (issue 7, item 7): the domains the viewer may
 * see, filtered and paged on the server, the holders of those domains' grants as columns (capped), and the
 * cells. The domains come from the service's cache; the grants of the page's domains are one statement —
 * whatever the size of the matrix, a page costs the same and never holds more than {@link #PAGE_SIZE} rows.
 *
 * <p>Who sees what: a Jira administrator sees every domain and may change every one; a project administrator
 * sees the domains whose scope names a project they administer and may change those whose scope names only
 * such projects ({@link AuthorityService#mayManage}). The values are plain maps, lists and strings for the
 * template.
 *
 * <p>People are shown as they are now ({@link PersonLabel}): a holder, backup or mentee the host has deactivated shows
 * as "Ivan Ivanov (inactive)", one it has deleted by the stored key, "JIRAUSER10042 (deleted)"; the page's grants to
 * such holders are listed apart ({@link #inactiveHolders}), as they give nobody authority. Grants to groups the host
 * has deleted are found across every domain the viewer sees ({@link #deletedGroups}).
 */
public final class MatrixPage {

    public static final int PAGE_SIZE = 25;
    public static final int MAX_COLUMNS = 30;

    /** What the viewer asked for; blank filters are no filter. */
    public record Filter(String project, String text, String person, int startAt) {
        public Filter {
            project = blankToNull(project) == null ? null : project.trim().toUpperCase(Locale.ROOT);
            text = blankToNull(text) == null ? null : text.trim();
            person = blankToNull(person) == null ? null : person.trim();
            startAt = Math.max(0, startAt);
        }
    }

    private final int total;
    private final int startAt;
    private final List<Map<String, Object>> rows;
    private final List<Map<String, Object>> columns;
    private final int hiddenColumns;
    private final boolean unknownPerson;
    private final List<String> inactiveHolders;

    private MatrixPage(int total, int startAt, List<Map<String, Object>> rows, List<Map<String, Object>> columns,
                       int hiddenColumns, boolean unknownPerson, List<String> inactiveHolders) {
        this.total = total;
        this.startAt = startAt;
        this.rows = rows;
        this.columns = columns;
        this.hiddenColumns = hiddenColumns;
        this.unknownPerson = unknownPerson;
        this.inactiveHolders = inactiveHolders;
    }

    /** How many domains pass the filters (all pages). */
    public int total() {
        return total;
    }

    /** The index of the page's first domain among them. */
    public int startAt() {
        return startAt;
    }

    /** The page's domains, each with its cells in column order. */
    public List<Map<String, Object>> rows() {
        return rows;
    }

    /** The holders shown as columns. */
    public List<Map<String, Object>> columns() {
        return columns;
    }

    /** Holders of the page's grants not shown as columns (over {@link #MAX_COLUMNS}). */
    public int hiddenColumns() {
        return hiddenColumns;
    }

    /** The person filter names nobody. */
    public boolean unknownPerson() {
        return unknownPerson;
    }

    /**
     * The page's user holders who may not act (deactivated or deleted), each with their grants on the page:
     * "Ivan Ivanov (inactive): ARCH (ADVISE), HIRING (CONSULT)"; empty when there are none.
     */
    public List<String> inactiveHolders() {
        return inactiveHolders;
    }

    /** A grant as a warning names it: domain and level, "ARCH (ADVISE)". */
    static String grantText(Grant g) {
        return g.domainKey() + " (" + g.level().name() + ")";
    }

    /**
     * The groups the host no longer has that grants still name, each with those grants ("ARCH (ADVISE), SPEND (TELL)"),
     * in the domains the viewer sees: one statement for the matrix's group grants, one host lookup per group.
     */
    public static Map<String, String> deletedGroups(AuthorityService authority, Person viewer) {
        boolean admin = authority.isAdmin(viewer);
        Set<String> administered = admin ? Set.of() : authority.administeredProjects(viewer);
        Set<String> visible = new java.util.HashSet<>();
        authority.domains().stream().filter(d -> visible(d, admin, administered)).forEach(d -> visible.add(d.key()));
        Map<String, List<String>> byGroup = new java.util.TreeMap<>();
        for (Grant g : authority.groupGrants()) {
            if (visible.contains(g.domainKey())) {
                byGroup.computeIfAbsent(g.holder().id(), k -> new ArrayList<>()).add(grantText(g));
            }
        }
        Map<String, String> deleted = new LinkedHashMap<>();
        byGroup.forEach((group, grants) -> {
            if (!authority.groupExists(group)) {
                deleted.put(group, String.join(", ", grants));
            }
        });
        return deleted;
    }

    /** Whether the viewer sees the domain on the page at all. */
    static boolean visible(Domain domain, boolean admin, Set<String> administered) {
        return admin || domain.scope().projects().stream().anyMatch(p -> administered.contains(p.toUpperCase(Locale.ROOT)));
    }

    /**
     * @param texts the viewer's language, for people who are deactivated or deleted ({@link PersonLabel})
     */
    public static MatrixPage build(AuthorityService authority, Person viewer, Filter filter, PersonLabel.Texts texts) {
        boolean admin = authority.isAdmin(viewer);
        Set<String> administered = admin ? Set.of() : authority.administeredProjects(viewer);

        List<Principal> personHolders = new ArrayList<>();
        SortedSet<String> personDomains = null;
        boolean unknownPerson = false;
        if (filter.person() != null) {
            Optional<Person> person = authority.personNamed(filter.person());
            if (person.isEmpty()) {
                unknownPerson = true;
            } else {
                personDomains = authority.domainKeysHeldBy(person.get().key());
                personHolders.add(Principal.user(person.get().key()));
                authority.groupsOf(person.get().key()).stream().sorted().forEach(g -> personHolders.add(Principal.group(g)));
            }
        }
        String text = filter.text() == null ? null : filter.text().toLowerCase(Locale.ROOT);
        List<Domain> matching = new ArrayList<>();
        if (!unknownPerson) {
            for (Domain d : authority.domains()) {
                if (!visible(d, admin, administered)) {
                    continue;
                }
                if (filter.project() != null && d.scope().projects().stream().noneMatch(p -> p.equalsIgnoreCase(filter.project()))) {
                    continue;
                }
                if (text != null && !d.key().toLowerCase(Locale.ROOT).contains(text)
                        && !d.name().toLowerCase(Locale.ROOT).contains(text)) {
                    continue;
                }
                if (personDomains != null && !personDomains.contains(d.key())) {
                    continue;
                }
                matching.add(d);
            }
        }
        matching.sort(Comparator.comparing(Domain::key));
        int total = matching.size();
        int lastPage = total == 0 ? 0 : (total - 1) / PAGE_SIZE * PAGE_SIZE;
        int startAt = Math.min(filter.startAt() / PAGE_SIZE * PAGE_SIZE, lastPage);
        List<Domain> page = matching.subList(startAt, Math.min(total, startAt + PAGE_SIZE));

        List<Grant> grants = page.isEmpty() ? List.of() : authority.grantsOfDomains(page.stream().map(Domain::key).toList());
        Map<String, List<Grant>> byDomain = new HashMap<>();
        Map<Principal, Integer> holderCounts = new HashMap<>();
        for (Grant g : grants) {
            byDomain.computeIfAbsent(g.domainKey(), k -> new ArrayList<>()).add(g);
            holderCounts.merge(g.holder(), 1, Integer::sum);
        }

        Map<String, Person> people = new HashMap<>();
        java.util.function.Function<String, Person> stored = key -> people.computeIfAbsent(key, authority::stored);
        java.util.function.Function<Principal, String> label = h -> h.isUser() ? PersonLabel.display(stored.apply(h.id()), texts) : h.id();

        // the filtered person and their groups first, then the holders with the most grants on the page
        List<Principal> holders = new ArrayList<>(holderCounts.keySet());
        holders.sort(Comparator.<Principal>comparingInt(h -> personHolders.contains(h) ? personHolders.indexOf(h) : Integer.MAX_VALUE)
                .thenComparing(h -> -holderCounts.get(h))
                .thenComparing(h -> h.isUser() ? 0 : 1)
                .thenComparing(h -> label.apply(h).toLowerCase(Locale.ROOT)));
        List<Principal> shown = holders.subList(0, Math.min(MAX_COLUMNS, holders.size()));
        List<Map<String, Object>> columns = new ArrayList<>();
        for (Principal h : shown) {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("type", h.type().jsonName());
            column.put("name", holderName(h, stored));
            column.put("label", label.apply(h));
            column.put("state", h.isUser() ? stored.apply(h.id()).state().jsonName() : "");
            column.put("group", !h.isUser());
            columns.add(column);
        }

        LocalDate today = authority.today();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Domain d : page) {
            List<Grant> own = byDomain.getOrDefault(d.key(), List.of());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", d.key());
            row.put("name", d.name());
            row.put("description", d.description() == null ? "" : d.description());
            row.put("version", String.valueOf(d.version()));
            row.put("editable", AuthorityService.mayManage(admin, administered, d.scope()));
            row.put("projects", String.join(", ", d.scope().projects()));
            row.put("issueTypes", String.join(", ", d.scope().issueTypes()));
            row.put("components", String.join(", ", d.scope().components()));
            row.put("labels", String.join(", ", d.scope().labels()));
            row.put("spaces", String.join(", ", d.scope().spaces()));
            row.put("scope", scope(d.scope()));
            List<Map<String, Object>> cells = new ArrayList<>();
            for (Principal h : shown) {
                List<Map<String, Object>> cellGrants = new ArrayList<>();
                for (Grant g : own) {
                    if (g.holder().equals(h)) {
                        cellGrants.add(grant(g, h, stored, label, texts, today));
                    }
                }
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("holder", label.apply(h));
                cell.put("grants", cellGrants);
                cells.add(cell);
            }
            row.put("cells", cells);
            row.put("grantCount", own.size());
            row.put("hiddenGrants", (int) own.stream().filter(g -> !shown.contains(g.holder())).count());
            rows.add(row);
        }
        return new MatrixPage(total, startAt, rows, columns, holders.size() - shown.size(), unknownPerson,
                inactiveHolders(grants, stored, texts));
    }

    /** The page's user holders who may not act, with their grants on the page, by label. */
    private static List<String> inactiveHolders(List<Grant> grants, java.util.function.Function<String, Person> stored,
                                                PersonLabel.Texts texts) {
        Map<String, List<String>> byHolder = new java.util.TreeMap<>();
        for (Grant g : grants) {
            if (g.holder().isUser() && !stored.apply(g.holder().id()).isActive()) {
                byHolder.computeIfAbsent(PersonLabel.display(stored.apply(g.holder().id()), texts), k -> new ArrayList<>())
                        .add(grantText(g));
            }
        }
        List<String> lines = new ArrayList<>();
        byHolder.forEach((holder, list) -> lines.add(holder + ": " + String.join(", ", list)));
        return List.copyOf(lines);
    }

    private static Map<String, Object> grant(Grant g, Principal h, java.util.function.Function<String, Person> stored,
                                             java.util.function.Function<Principal, String> label, PersonLabel.Texts texts,
                                             LocalDate today) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(g.id()));
        m.put("version", String.valueOf(g.version()));
        m.put("level", String.valueOf(g.level().number()));
        m.put("levelName", g.level().name());
        m.put("holderType", h.type().jsonName());
        m.put("holderName", holderName(h, stored));
        m.put("holderLabel", label.apply(h));
        // usernames (a deleted one's key), as the grant dialog sends them back
        m.put("backup", g.backupKey() == null ? "" : stored.apply(g.backupKey()).name());
        m.put("mentee", g.menteeKey() == null ? "" : stored.apply(g.menteeKey()).name());
        // the grant dialog marks a backup or mentee who can no longer act: "Ivy Inactive (inactive)"; "" for one who can
        m.put("backupLabel", goneLabel(g.backupKey(), stored, texts));
        m.put("menteeLabel", goneLabel(g.menteeKey(), stored, texts));
        m.put("validFrom", g.validFrom() == null ? "" : g.validFrom().toString());
        m.put("validTo", g.validTo() == null ? "" : g.validTo().toString());
        m.put("note", g.note() == null ? "" : g.note());
        // "current", "future" (validFrom after today) or "expired" (validTo before today)
        m.put("state", g.isValidOn(today) ? "current" : g.validFrom() != null && today.isBefore(g.validFrom()) ? "future" : "expired");
        return m;
    }

    /** The label of a stored person who is deactivated or deleted; "" for nobody or someone active. */
    private static String goneLabel(String userKey, java.util.function.Function<String, Person> stored, PersonLabel.Texts texts) {
        if (userKey == null) {
            return "";
        }
        Person p = stored.apply(userKey);
        return p.isActive() ? "" : PersonLabel.display(p, texts);
    }

    private static List<Map<String, Object>> scope(DomainScope s) {
        List<Map<String, Object>> parts = new ArrayList<>();
        add(parts, "projects", s.projects());
        add(parts, "issueTypes", s.issueTypes());
        add(parts, "components", s.components());
        add(parts, "labels", s.labels());
        add(parts, "spaces", s.spaces());
        return parts;
    }

    private static void add(List<Map<String, Object>> parts, String dimension, List<String> values) {
        if (!values.isEmpty()) {
            parts.add(Map.of("dimension", dimension, "values", String.join(", ", values)));
        }
    }

    /** A user's username (the key when the user is gone) or a group's name: what the REST input takes. */
    private static String holderName(Principal h, java.util.function.Function<String, Person> stored) {
        return h.isUser() ? stored.apply(h.id()).name() : h.id();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
