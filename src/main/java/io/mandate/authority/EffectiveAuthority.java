package io.mandate.authority;

import io.mandate.platform.Principal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Who holds which level in one domain on one day (product brief, "Effective authority"), from the domain's
 * grants alone — so resolving an issue costs O(grants of its domain).
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
    private final List<Grant> valid;
    private final List<StandIn> standIns;
    private final Predicate<String> mayAct;
    /* The host is asked once per person and answer (a list of decisions asks about the same approvers often). */
    private final Map<String, Boolean> acting = new ConcurrentHashMap<>();

    /**
     * @param grants    the domain's grants (any validity)
     * @param today     the day in the product's time zone
     * @param awayUntil for a user key, the last day of the absence covering today, if the person is away
     * @param mayAct    for a user key, whether the host has the user and they are active
     */
    public EffectiveAuthority(String domainKey, List<Grant> grants, LocalDate today,
                              Function<String, Optional<LocalDate>> awayUntil, Predicate<String> mayAct) {
        this.domainKey = domainKey;
        this.valid = grants.stream().filter(g -> g.isValidOn(today)).toList();
        this.mayAct = mayAct;
        List<StandIn> stand = new ArrayList<>();
        for (Grant g : valid) {
            // a grant whose holder may not act gives nobody authority, not even to a backup
            if (g.holder().isUser() && g.backupKey() != null && !g.backupKey().equals(g.holder().id())
                    && mayAct(g.holder().id()) && mayAct(g.backupKey())) {
                awayUntil.apply(g.holder().id()).ifPresent(until -> stand.add(new StandIn(g, g.backupKey(), until)));
            }
        }
        this.standIns = List.copyOf(stand);
    }

    public String domainKey() {
        return domainKey;
    }

    /** The grants that count today, strongest first. */
    public List<Grant> validGrants() {
        return valid.stream().sorted(Comparator.comparing(Grant::level).reversed().thenComparingLong(Grant::id)).toList();
    }

    public List<StandIn> standIns() {
        return standIns;
    }

    /** Whether the user may act today: the host has them and they are active. */
    public boolean mayAct(String userKey) {
        return userKey != null && acting.computeIfAbsent(userKey, mayAct::test);
    }

    /**
     * The person's effective level: direct grants, grants to their groups, and stand-ins; empty when none, and for a
     * user who may not act (deactivated or deleted).
     */
    public Optional<Level> levelOf(String userKey, Set<String> groups) {
        if (userKey == null || !mayAct(userKey)) {
            return Optional.empty();
        }
        Level best = null;
        for (Grant g : valid) {
            Principal h = g.holder();
            boolean holds = h.isUser() ? h.id().equals(userKey) : groups.contains(h.id());
            if (holds && (best == null || g.level().compareTo(best) > 0)) {
                best = g.level();
            }
        }
        for (StandIn s : standIns) {
            if (s.backupKey().equals(userKey) && (best == null || s.grant().level().compareTo(best) > 0)) {
                best = s.grant().level();
            }
        }
        return Optional.ofNullable(best);
    }

    public boolean mayApprove(String userKey, Set<String> groups) {
        return levelOf(userKey, groups).map(Level::mayApprove).orElse(false);
    }

    /** The holders (users and groups) of the valid grants at exactly this level. */
    public List<Principal> holdersAt(Level level) {
        return valid.stream().filter(g -> g.level() == level).map(Grant::holder).distinct().toList();
    }

    /** Whether anyone holds any grant here today. */
    public boolean isEmpty() {
        return valid.isEmpty();
    }
}
