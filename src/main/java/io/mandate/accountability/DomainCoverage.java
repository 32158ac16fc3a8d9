package io.mandate.accountability;

import io.mandate.authority.EffectiveAuthority;
import io.mandate.authority.Grant;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Who may approve in one domain of the scope today, with the grants that give it: the input of the Gini
 * population, the single points of failure and the authority bus factor. Product brief: a person <b>may
 * approve</b> in a domain when their effective level there is ≥ 5 (ADVISE, INQUIRE, DELEGATE); the effective level
 * is the highest among the valid grants to the person directly or through any of their groups, and an away
 * holder's backup stands in at the holder's level. Build it with {@link #of} from
 * {@link EffectiveAuthority} (validity windows, absences and stand-ins already applied); the canonical constructor
 * is for tests and for callers that resolve authority themselves.
 *
 * <p>AGREE (4) holders are co-deciders, not approvers: a domain whose only deciders hold AGREE has nobody who may
 * approve (it is uncovered for the bus factor and not a single point of failure — nobody is).
 *
 * @param grants   the approving grants (level ≥ 5, valid today), groups expanded
 * @param standIns people who may approve today only because they stand in for an away holder
 */
public record DomainCoverage(String domainKey, List<ApprovingGrant> grants, Set<String> standIns) {

    /**
     * One approving grant, its holder expanded to people.
     *
     * @param holder the username of a user grant's holder, or the name of a group
     * @param group  whether the holder is a group
     * @param people who may approve through this grant: the user, or the group's (active) members by username
     * @param backup the username of the backup who stands in when the holder is away; null when there is none.
     *               Only a user grant's backup ever stands in ({@link EffectiveAuthority}: a group is never away),
     *               so a group grant's backup is dropped here.
     */
    public record ApprovingGrant(String holder, boolean group, Set<String> people, String backup) {
        public ApprovingGrant {
            Objects.requireNonNull(holder, "holder");
            people = Set.copyOf(people);
            backup = group ? null : backup;
        }

        /** A user grant: the holder alone may approve through it. */
        public static ApprovingGrant user(String username, String backup) {
            return new ApprovingGrant(username, false, Set.of(username), backup);
        }

        /** A group grant: every member may approve through it. */
        public static ApprovingGrant group(String groupName, Collection<String> members) {
            return new ApprovingGrant(groupName, true, Set.copyOf(members), null);
        }

        /** Whether someone other than {@code person} stands in when the holder is away. */
        boolean backsUp(String person) {
            return backup != null && !backup.equals(person);
        }
    }

    public DomainCoverage {
        Objects.requireNonNull(domainKey, "domainKey");
        grants = List.copyOf(grants);
        standIns = Set.copyOf(standIns);
    }

    public DomainCoverage(String domainKey, List<ApprovingGrant> grants) {
        this(domainKey, grants, Set.of());
    }

    /**
     * The coverage of a domain today, from its effective authority: the valid grants at level ≥ 5 (user grants as
     * their holder, group grants as the group's members) and the stand-ins of away holders at level ≥ 5. An expired
     * or not-yet-valid grant is not in {@link EffectiveAuthority#validGrants()} and so gives nobody anything.
     *
     * @param nameOfKey     username of a user key; null for an unknown or inactive user, who then may approve
     *                      nothing and backs up nobody
     * @param memberNamesOf the usernames of a group's active members (the host's nested groups included)
     */
    public static DomainCoverage of(EffectiveAuthority authority, Function<String, String> nameOfKey,
                                    Function<String, ? extends Collection<String>> memberNamesOf) {
        List<ApprovingGrant> grants = new ArrayList<>();
        for (Grant g : authority.validGrants()) {
            if (!g.level().mayApprove()) {
                continue;
            }
            if (g.holder().isUser()) {
                String name = nameOfKey.apply(g.holder().id());
                if (name != null) {
                    grants.add(ApprovingGrant.user(name, g.backupKey() == null ? null : nameOfKey.apply(g.backupKey())));
                }
            } else {
                grants.add(ApprovingGrant.group(g.holder().id(), memberNamesOf.apply(g.holder().id())));
            }
        }
        Set<String> standIns = new TreeSet<>();
        for (EffectiveAuthority.StandIn s : authority.standIns()) {
            String name = s.grant().level().mayApprove() ? nameOfKey.apply(s.backupKey()) : null;
            if (name != null) {
                standIns.add(name);
            }
        }
        return new DomainCoverage(authority.domainKey(), grants, standIns);
    }

    /** Everyone who may approve in the domain today (groups expanded, stand-ins included), sorted by name. */
    public Set<String> approvers() {
        Set<String> all = new TreeSet<>(standIns);
        grants.forEach(g -> all.addAll(g.people()));
        return all;
    }

    /**
     * Product brief, <b>single point of failure</b>: "exactly one person may approve and that grant has no backup,
     * or that backup is the same person". "That grant" is read as <em>every approving grant through which the one
     * approver may approve</em>: the domain is a single point of failure unless one of them is a user grant of
     * that person with a backup who is someone else (only such a backup stands in when the person is away). So:
     * <ul>
     *   <li>approving through a group grant only (the group's one member who may approve) — single point: a group
     *       grant has no stand-in;</li>
     *   <li>through two grants (a group grant and a direct one, or two direct ones) — covered as soon as one of
     *       the direct grants has a backup who is not the person;</li>
     *   <li>the one approver is a stand-in (the holder being unknown or inactive) — single point: nobody stands in
     *       for a stand-in.</li>
     * </ul>
     */
    public boolean isSinglePointOfFailure() {
        Set<String> approvers = approvers();
        if (approvers.size() != 1) {
            return false;
        }
        String person = approvers.iterator().next();
        return grants.stream().noneMatch(g -> !g.group() && g.people().contains(person) && g.backsUp(person));
    }
}
