package io.mandate.refhost.dataset;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The authority matrix of a dataset: decision domains ({@code D0001}, …), each scoped to one to three projects and
 * its own label ({@code d0001}), so an issue carrying that label in one of those projects falls in exactly that
 * domain; the grants; the absences; and the matrix's audit trail of their creation.
 *
 * <p>Every domain has 1–20 <em>deciding holders</em> — current grants at ADVISE or above, mostly to users, drawn
 * from the authority order so the same few people decide in many domains — and, to reach the dataset's number of
 * grants, grants that do not decide (TELL, SELL, CONSULT, AGREE), a third of them to groups. About one grant in ten
 * has expired (a former approver's, mostly); one in twenty ends in the future.
 */
final class Matrix {

    static final int TELL = 1;
    static final int SELL = 2;
    static final int CONSULT = 3;
    static final int AGREE = 4;
    static final int ADVISE = 5;
    static final int INQUIRE = 6;
    static final int DELEGATE = 7;
    static final int MAX_DECIDING = 20;
    private static final double EXPIRED = 0.10;
    private static final double TEMPORARY = 0.05;
    private static final double GROUP_GRANT = 0.35;
    private static final double DOMAIN_SKEW = 1.0;

    /** One grant as planned; {@code holder} is a user index, or a team index when {@code group}. */
    record Grant(int id, int domain, boolean group, int holder, int level, int backup, int mentee, LocalDate validFrom,
                 LocalDate validTo, String note) {
    }

    /** One away period of a user, days inclusive. */
    record Absence(int id, int user, LocalDate from, LocalDate to, String note) {
    }

    private final String[] keys;
    private final String[] names;
    private final int[][] projectsOf;
    private final int[][] domainsOf;
    private final Zipf[] domainDraw;
    private final List<Grant> grants;
    private final int[][] deciders;
    private final int[][] consulted;
    private final List<Absence> absences;
    private final Instant createdAt;

    private Matrix(String[] keys, String[] names, int[][] projectsOf, int[][] domainsOf, List<Grant> grants,
                   int[][] deciders, int[][] consulted, List<Absence> absences, Instant createdAt) {
        this.keys = keys;
        this.names = names;
        this.projectsOf = projectsOf;
        this.domainsOf = domainsOf;
        this.grants = grants;
        this.deciders = deciders;
        this.consulted = consulted;
        this.absences = absences;
        this.createdAt = createdAt;
        domainDraw = new Zipf[domainsOf.length];
        for (int p = 0; p < domainsOf.length; p++) {
            domainDraw[p] = new Zipf(domainsOf[p].length, DOMAIN_SKEW);
        }
    }

    static Matrix plan(DatasetSpec spec, long seed, Population people, Projects projects, LocalDate today, Instant asOf) {
        int n = spec.domains();
        int width = Words.digitWidth(n, 4);
        String[] keys = new String[n];
        String[] names = new String[n];
        int[][] projectsOf = new int[n][];
        List<List<Integer>> domainsOfProject = new ArrayList<>();
        for (int p = 0; p < projects.size(); p++) {
            domainsOfProject.add(new ArrayList<>());
        }
        int[] deciding = new int[n];
        int decidingCap = Math.min(MAX_DECIDING, Math.max(1, Math.min(spec.grants() / n, people.activeCount())));
        long decidingTotal = 0;
        for (int d = 0; d < n; d++) {
            SplittableRandom r = Rng.of(seed, Rng.Stream.DOMAIN, d);
            keys[d] = "D" + Words.digits(d + 1, width);
            String topic = Words.TOPICS.get(d % Words.TOPICS.size());
            names[d] = topic + (d >= Words.TOPICS.size() ? " " + (d / Words.TOPICS.size() + 1) : "");
            Set<Integer> scope = new LinkedHashSet<>();
            scope.add(d % projects.size()); // every project lies in at least one domain
            int extra = Math.min(projects.size() - 1, Rng.between(r, 0, 2));
            while (scope.size() < 1 + extra) {
                scope.add(r.nextInt(projects.size()));
            }
            projectsOf[d] = scope.stream().mapToInt(Integer::intValue).toArray();
            for (int p : projectsOf[d]) {
                domainsOfProject.get(p).add(d);
            }
            // mostly one to three deciders, a few domains with many: 1 + 19·u⁴
            deciding[d] = Math.min(decidingCap, 1 + (int) Math.floor(19 * Math.pow(r.nextDouble(), 4)));
            decidingTotal += deciding[d];
        }
        int[][] domainsOf = domainsOfProject.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);

        long others = spec.grants() - decidingTotal;
        List<Grant> grants = new ArrayList<>(spec.grants());
        int[][] deciders = new int[n][];
        int[][] consulted = new int[n][];
        double expiredShare = others <= 0 ? 0 : Math.min(1.0, EXPIRED * spec.grants() / others);
        for (int d = 0; d < n; d++) {
            SplittableRandom r = Rng.of(seed, Rng.Stream.GRANT, d);
            Set<Long> holders = new HashSet<>();
            List<Integer> domainDeciders = new ArrayList<>();
            List<Integer> domainConsulted = new ArrayList<>();
            boolean groupDecides = deciding[d] >= 2 && Rng.chance(r, 0.1);
            for (int i = 0; i < deciding[d]; i++) {
                int level = r.nextDouble() < 0.5 ? ADVISE : r.nextDouble() < 0.6 ? INQUIRE : DELEGATE;
                if (groupDecides && i == deciding[d] - 1) {
                    int team = freeTeam(r, people, holders);
                    if (team >= 0) {
                        grants.add(new Grant(grants.size() + 1, d, true, team, ADVISE, -1, -1, null, null, null));
                        continue;
                    }
                }
                int user = freeUser(r, people, holders, i == 0 ? Pick.LEAD : Pick.DECIDER);
                domainDeciders.add(user);
                int backup = Rng.chance(r, 0.3) ? otherUser(r, people, user) : -1;
                int mentee = Rng.chance(r, 0.05) ? otherUser(r, people, user) : -1;
                String note = Rng.chance(r, 0.3) ? Words.pick(Words.GRANT_NOTES, r) : null;
                grants.add(new Grant(grants.size() + 1, d, false, user, level, backup, mentee, null, null, note));
            }
            long mine = others / n + (d < others % n ? 1 : 0);
            for (long i = 0; i < mine; i++) {
                LocalDate from = null;
                LocalDate to = null;
                int level;
                double kind = r.nextDouble();
                boolean expired = Rng.chance(r, expiredShare);
                if (expired) {
                    // a former holder: from two years back until some day of the last year
                    from = today.minusDays(Rng.between(r, 400, 800));
                    to = today.minusDays(Rng.between(r, 1, 365));
                    level = kind < 0.5 ? ADVISE : kind < 0.8 ? CONSULT : AGREE;
                } else {
                    level = kind < 0.25 ? TELL : kind < 0.35 ? SELL : kind < 0.8 ? CONSULT : AGREE;
                    if (Rng.chance(r, TEMPORARY)) {
                        to = today.plusDays(Rng.between(r, 10, 200));
                    }
                }
                boolean group = Rng.chance(r, GROUP_GRANT);
                int team = group ? freeTeam(r, people, holders) : -1;
                String note = Rng.chance(r, 0.1) ? Words.pick(Words.GRANT_NOTES, r) : null;
                if (team >= 0) {
                    grants.add(new Grant(grants.size() + 1, d, true, team, level, -1, -1, from, to, note));
                } else {
                    int user = freeUser(r, people, holders, Pick.OTHER);
                    if (level == CONSULT && !expired) {
                        domainConsulted.add(user);
                    }
                    grants.add(new Grant(grants.size() + 1, d, false, user, level, -1, -1, from, to, note));
                }
            }
            deciders[d] = domainDeciders.stream().mapToInt(Integer::intValue).toArray();
            consulted[d] = domainConsulted.stream().mapToInt(Integer::intValue).toArray();
        }

        List<Absence> absences = new ArrayList<>();
        for (int a = 0; a < spec.absences(); a++) {
            SplittableRandom r = Rng.of(seed, Rng.Stream.ABSENCE, a);
            int user = people.authorityUser(r); // the busy are missed most when away
            LocalDate from = switch (a % 3) {
                case 0 -> today.minusDays(Rng.between(r, 0, 7));     // away now
                case 1 -> today.minusDays(Rng.between(r, 30, 300));  // back again
                default -> today.plusDays(Rng.between(r, 5, 120));   // planned
            };
            LocalDate to = from.plusDays(Rng.between(r, a % 3 == 0 ? 8 : 1, 21));
            String note = Rng.chance(r, 0.3) ? Words.pick(Words.ABSENCE_NOTES, r) : null;
            absences.add(new Absence(a + 1, user, from, to, note));
        }
        Instant createdAt = asOf.minus(Duration.ofDays(900));
        return new Matrix(keys, names, projectsOf, domainsOf, grants, deciders, consulted, absences, createdAt);
    }

    /** Who is being picked: a domain's lead (its first deciding holder), another deciding holder, or anyone. */
    private enum Pick { LEAD, DECIDER, OTHER }

    /**
     * A user who holds no grant of the domain yet: leads from the top of the authority order (the same few lead
     * several domains), other deciding holders from a broader part of it, the other holders by activity.
     */
    private static int freeUser(SplittableRandom r, Population people, Set<Long> holders, Pick pick) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int user = switch (pick) {
                case LEAD -> attempt < 100 ? people.leadUser(r) : people.authorityUser(r);
                case DECIDER -> people.authorityUser(r);
                case OTHER -> attempt < 100 ? people.activeUser(r) : people.anyActiveUser(r);
            };
            if (holders.add((long) user)) {
                return user;
            }
        }
        for (int user = 1; user < people.size(); user++) { // a crowded domain of a small dataset: the first one free
            if (people.active[user] && holders.add((long) user)) {
                return user;
            }
        }
        throw new DatasetException("More grants per domain than people: the dataset's sizes do not fit");
    }

    /** A team that holds no grant of the domain yet, or -1. */
    private static int freeTeam(SplittableRandom r, Population people, Set<Long> holders) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int team = r.nextInt(people.teamCount());
            if (holders.add(-1L - team)) {
                return team;
            }
        }
        return -1;
    }

    private static int otherUser(SplittableRandom r, Population people, int not) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int user = people.activeUser(r);
            if (user != not) {
                return user;
            }
        }
        return -1;
    }

    String key(int domain) {
        return keys[domain];
    }

    /** The label that puts an issue in the domain (with one of the domain's projects). */
    String label(int domain) {
        return keys[domain].toLowerCase(java.util.Locale.ROOT);
    }

    /** A domain of the project, the first of its domains the most likely. */
    int domainOf(int project, SplittableRandom random) {
        return domainsOf[project][domainDraw[project].sample(random)];
    }

    /** Another domain of the project than {@code not}, or -1 when it has only one. */
    int otherDomainOf(int project, int not, SplittableRandom random) {
        int[] domains = domainsOf[project];
        if (domains.length < 2) {
            return -1;
        }
        int pick = domains[random.nextInt(domains.length)];
        return pick != not ? pick : domains[(java.util.Arrays.binarySearch(domains, pick) + 1) % domains.length];
    }

    /** The users with a current deciding grant of the domain (possibly none when its only deciding grant is a group's). */
    int[] deciders(int domain) {
        return deciders[domain];
    }

    /** The users with a current CONSULT grant of the domain. */
    int[] consulted(int domain) {
        return consulted[domain];
    }

    void write(Loader loader, AoTables ao, Population people, Projects projects) throws SQLException {
        Loader.Table domains = loader.table("DOMAIN", ao.table(AoTables.DOMAIN), ao.columns(AoTables.DOMAIN,
                "getID", "getDomainKey", "getName", "getDescription", "getVersion", "getGrantsRevision"));
        Loader.Table scopes = loader.table("DOMAIN_SCOPE", ao.table(AoTables.DOMAIN_SCOPE), ao.columns(AoTables.DOMAIN_SCOPE,
                "getID", "getDomainId", "getDimension", "getScopeValue", "getPosition"));
        Loader.Table grantRows = loader.table("AUTH_GRANT", ao.table(AoTables.GRANT), ao.columns(AoTables.GRANT,
                "getID", "getDomainKey", "getHolderType", "getHolder", "getGrantLevel", "getBackupKey", "getMenteeKey",
                "getValidFrom", "getValidTo", "getNote", "getVersion"));
        Loader.Table absenceRows = loader.table("ABSENCE", ao.table(AoTables.ABSENCE), ao.columns(AoTables.ABSENCE,
                "getID", "getUserKey", "getFromDate", "getToDate", "getNote"));
        MatrixHistory history = new MatrixHistory(loader.table("MATRIX_AUDIT", ao.table(AoTables.MATRIX_AUDIT),
                ao.columns(AoTables.MATRIX_AUDIT, "getID", "getAuthorKey", "getChangedAt", "getObjectType", "getObjectId",
                        "getDomainKey", "getField", "getBeforeValue", "getAfterValue")), people.key(0));

        int[] grantsPerDomain = new int[keys.length];
        grants.forEach(g -> grantsPerDomain[g.domain()]++);
        int scopeId = 0;
        for (int d = 0; d < keys.length; d++) {
            List<String> projectKeys = new ArrayList<>();
            for (int p : projectsOf[d]) {
                projectKeys.add(projects.key(p));
            }
            String description = "Decisions about " + names[d].toLowerCase(java.util.Locale.ROOT) + " in "
                    + String.join(", ", projectKeys) + ".";
            // version 1 as created; the grants revision counts the grant writes, one per grant
            domains.add(d + 1, keys[d], names[d], description, 1, grantsPerDomain[d]);
            int position = 0;
            for (String project : projectKeys) {
                scopes.add(++scopeId, d + 1, "PROJECT", project, position++);
            }
            scopes.add(++scopeId, d + 1, "LABEL", label(d), position);
            Instant at = domainCreated(d);
            history.change(at, "domain", keys[d], keys[d], "key", null, keys[d]);
            history.change(at, "domain", keys[d], keys[d], "name", null, names[d]);
            history.change(at, "domain", keys[d], keys[d], "description", null, description);
            history.change(at, "domain", keys[d], keys[d], "scope", null,
                    "projects=" + String.join(",", projectKeys) + "; labels=" + label(d));
        }
        for (Grant g : grants) {
            String holder = g.group() ? people.team(g.holder()) : people.key(g.holder());
            grantRows.add(g.id(), keys[g.domain()], g.group() ? "GROUP" : "USER", holder, g.level(),
                    g.backup() < 0 ? null : people.key(g.backup()), g.mentee() < 0 ? null : people.key(g.mentee()),
                    iso(g.validFrom()), iso(g.validTo()), g.note(), 1);
            Instant at = domainCreated(g.domain()).plus(Duration.ofMinutes(g.id()));
            String id = Integer.toString(g.id());
            String domain = keys[g.domain()];
            // as the matrix writes a new grant: one entry per field set, people by username
            history.change(at, "grant", id, domain, "holder", null,
                    g.group() ? "group:" + holder : "user:" + people.username(g.holder()));
            history.change(at, "grant", id, domain, "level", null, LEVEL_NAMES.get(g.level() - 1));
            if (g.backup() >= 0) {
                history.change(at, "grant", id, domain, "backup", null, people.username(g.backup()));
            }
            if (g.mentee() >= 0) {
                history.change(at, "grant", id, domain, "mentee", null, people.username(g.mentee()));
            }
            if (g.validFrom() != null) {
                history.change(at, "grant", id, domain, "validFrom", null, iso(g.validFrom()));
            }
            if (g.validTo() != null) {
                history.change(at, "grant", id, domain, "validTo", null, iso(g.validTo()));
            }
            if (g.note() != null) {
                history.change(at, "grant", id, domain, "note", null, g.note());
            }
        }
        for (Absence a : absences) {
            absenceRows.add(a.id(), people.key(a.user()), iso(a.from()), iso(a.to()), a.note());
        }
    }

    static final List<String> LEVEL_NAMES = List.of("TELL", "SELL", "CONSULT", "AGREE", "ADVISE", "INQUIRE", "DELEGATE");

    private Instant domainCreated(int domain) {
        return createdAt.plus(Duration.ofHours(domain));
    }

    static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** The matrix's audit trail, as the plugin writes it: who, when, which object, which field, before and after. */
    private static final class MatrixHistory {
        private final Loader.Table table;
        private final String author;
        private int id;

        MatrixHistory(Loader.Table table, String author) {
            this.table = table;
            this.author = author;
        }

        void change(Instant at, String type, String objectId, String domain, String field, String before, String after)
                throws SQLException {
            table.add(++id, author, Timestamp.from(at), type, objectId, domain, field, before, after);
        }
    }
}
