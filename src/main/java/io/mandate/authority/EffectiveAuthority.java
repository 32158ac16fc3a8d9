package io.mandate.authority;

import io.mandate.platform.Principal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Who holds which level in one domain on one day (product brief, "Effective authority"), from the domain's
 * grants alone. Built once per domain and day and shared by every request of a node ({@link AuthorityService}
 * caches it): a person's level is then a few map lookups, and whether the host lets someone act is asked live.
 *
 * <ul>
 *   <li>A person's effective level is the highest level among the grants valid today that name the person
 *       directly or one of their groups.</li>
 *   <li>Grants outside their validity window are ignored.</li>
 *   <li>While the holder of a user grant is away, the grant's backup stands in: the backup's effective level is at
 *       least the holder's for that window. The holder keeps their own level (they decide again when back).</li>
 *   <li>A person may approve at level ≥ 5; AGREE (4) holders decide together, as co-deciders.</li>
 *   <li>Only people who may act hold authority: a user the host has deactivated or deleted holds no level, neither by
 *       a grant of their own nor through a group, and does not stand in as a backup; nobody stands in for them either
 *       (their grant gives nobody anything). Their grants stay in the matrix (they count again if the user is
 *       reactivated); docs/user-guide/authority.md says so.</li>
 * </ul>
 */
public final class EffectiveAuthority {

    /** A backup standing in for an away holder of {@code grant} until {@code until} (inclusive). */
    public record StandIn(Grant grant, String backupKey, LocalDate until) {
    }

    private final String domainKey;
    private final LocalDate day;
    private final List<Grant> valid;
    private final List<Grant> strongestFirst;
    /** The holders at each level, each once: the consultation check asks for CONSULT's with every decision. */
    private final Map<Level, List<Principal>> holders = new java.util.EnumMap<>(Level.class);
    /** The strongest valid level per user holder and per group holder: a person's level is a few map lookups. */
    private final Map<String, Level> byUser = new HashMap<>();
    private final Map<String, Level> byGroup = new HashMap<>();
    /** Away holders' backups, before {@link #mayAct} (asked live, so a deactivation counts at once). */
    private final List<StandIn> awayCovered;
    private final Predicate<String> mayAct;
    /* Per group holding CONSULT: whether a member must be consulted. Lives as long as this value (see AuthorityService). */
    private final Map<String, Boolean> groupToConsult = new ConcurrentHashMap<>();

    /**
     * @param grants    the domain's grants (any validity)
     * @param today     the day in the product's time zone
     * @param awayUntil for a user key, the last day of the absence covering today, if the person is away
     * @param mayAct    for a user key, whether the host has the user and they are active (asked on each question: the
     *                  host answers from its caches)
     */
    public EffectiveAuthority(String domainKey, List<Grant> grants, LocalDate today,
                              Function<String, Optional<LocalDate>> awayUntil, Predicate<String> mayAct) {
        this.domainKey = domainKey;
        this.day = today;
        this.valid = grants.stream().filter(g -> g.isValidOn(today)).toList();
        this.strongestFirst = valid.stream().sorted(Comparator.comparing(Grant::level).reversed().thenComparingLong(Grant::id)).toList();
        this.mayAct = mayAct;
        List<StandIn> stand = new ArrayList<>();
        for (Grant g : valid) {
            (g.holder().isUser() ? byUser : byGroup).merge(g.holder().id(), g.level(), EffectiveAuthority::higher);
            if (g.holder().isUser() && g.backupKey() != null && !g.backupKey().equals(g.holder().id())) {
                awayUntil.apply(g.holder().id()).ifPresent(until -> stand.add(new StandIn(g, g.backupKey(), until)));
            }
        }
        this.awayCovered = List.copyOf(stand);
        for (Level level : Level.values()) {
            holders.put(level, valid.stream().filter(g -> g.level() == level).map(Grant::holder).distinct().toList());
        }
    }

    public String domainKey() {
        return domainKey;
    }

    /** The day this is the authority of. */
    public LocalDate day() {
        return day;
    }

    /** The grants that count today, strongest first. */
    public List<Grant> validGrants() {
        return strongestFirst;
    }

    /** The backups standing in today; a grant whose holder or backup may not act gives nobody authority. */
    public List<StandIn> standIns() {
        if (awayCovered.isEmpty()) {
            return awayCovered;
        }
        return awayCovered.stream().filter(s -> mayAct(s.grant().holder().id()) && mayAct(s.backupKey())).toList();
    }

    /** Whether the user may act today: the host has them and they are active. */
    public boolean mayAct(String userKey) {
        return userKey != null && mayAct.test(userKey);
    }

    /**
     * The person's effective level: direct grants, grants to their groups, and stand-ins; empty when none, and for a
     * user who may not act (deactivated or deleted).
     */
    public Optional<Level> levelOf(String userKey, Set<String> groups) {
        return levelOf(userKey, groups, mayAct(userKey));
    }

    /**
     * {@link #levelOf(String, Set)} with whether the user may act already asked of the host: a report asks it once
     * per person rather than once per decision and domain. Whether an away holder may act is still asked here.
     */
    public Optional<Level> levelOf(String userKey, Set<String> groups, boolean userMayAct) {
        if (userKey == null || !userMayAct) {
            return Optional.empty();
        }
        Level best = byUser.get(userKey);
        if (!byGroup.isEmpty() && !groups.isEmpty()) {
            if (groups.size() < byGroup.size()) {
                for (String group : groups) {
                    best = higher(best, byGroup.get(group));
                }
            } else {
                for (Map.Entry<String, Level> e : byGroup.entrySet()) {
                    if (groups.contains(e.getKey())) {
                        best = higher(best, e.getValue());
                    }
                }
            }
        }
        for (StandIn s : awayCovered) {
            if (s.backupKey().equals(userKey) && mayAct(s.grant().holder().id())) {
                best = higher(best, s.grant().level());
            }
        }
        return Optional.ofNullable(best);
    }

    public boolean mayApprove(String userKey, Set<String> groups) {
        return levelOf(userKey, groups).map(Level::mayApprove).orElse(false);
    }

    /** The holders (users and groups) of the valid grants at exactly this level. */
    public List<Principal> holdersAt(Level level) {
        return holders.get(level);
    }

    /** Whether anyone holds any grant here today. */
    public boolean isEmpty() {
        return valid.isEmpty();
    }

    /**
     * Whether the group, holding CONSULT here, has a member whose effective level is exactly CONSULT — someone who
     * must be consulted (members who hold more decide rather than advise). Worked out once per group for as long as
     * this value lives: {@code memberKeys} may list every user of the instance (a CONSULT grant to
     * {@code jira-software-users}), which a decision must not walk each time it is checked.
     */
    public boolean hasMemberToConsult(String group, Function<String, ? extends Iterable<String>> memberKeys,
                                      Function<String, Set<String>> groupsOf) {
        return groupToConsult.computeIfAbsent(group, g -> {
            for (String member : memberKeys.apply(g)) {
                if (levelOf(member, groupsOf.apply(member)).orElse(null) == Level.CONSULT) {
                    return true;
                }
            }
            return false;
        });
    }

    private static Level higher(Level a, Level b) {
        return a == null ? b : b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
