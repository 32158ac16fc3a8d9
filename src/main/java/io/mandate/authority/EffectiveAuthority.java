package io.mandate.authority;

import io.mandate.platform.Principal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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
 * </ul>
 */
public final class EffectiveAuthority {

    /** A backup standing in for an away holder of {@code grant} until {@code until} (inclusive). */
    public record StandIn(Grant grant, String backupKey, LocalDate until) {
    }

    private final String domainKey;
    private final List<Grant> valid;
    private final List<StandIn> standIns;

    /**
     * @param grants    the domain's grants (any validity)
     * @param today     the day in the product's time zone
     * @param awayUntil for a user key, the last day of the absence covering today, if the person is away
     */
    public EffectiveAuthority(String domainKey, List<Grant> grants, LocalDate today,
                              Function<String, Optional<LocalDate>> awayUntil) {
        this.domainKey = domainKey;
        this.valid = grants.stream().filter(g -> g.isValidOn(today)).toList();
        List<StandIn> stand = new ArrayList<>();
        for (Grant g : valid) {
            if (g.holder().isUser() && g.backupKey() != null && !g.backupKey().equals(g.holder().id())) {
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

    /** The person's effective level: direct grants, grants to their groups, and stand-ins; empty when none. */
    public Optional<Level> levelOf(String userKey, Set<String> groups) {
        if (userKey == null) {
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
