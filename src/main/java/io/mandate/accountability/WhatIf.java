package io.mandate.accountability;

import io.mandate.accountability.DomainCoverage.ApprovingGrant;
import io.mandate.authority.EffectiveAuthority;
import io.mandate.authority.Grant;
import io.mandate.authority.Level;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Issue 8, item 4, <b>what-if</b>: what happens to the scope's domains and open decisions when a set of people is
 * away. Pure: the caller passes, for each domain of the scope, its grants as they count today (valid today, groups
 * expanded, people as usernames — {@link Domain#of}), the absent usernames, and the scope's open decisions.
 *
 * <p>The rules (design/accountability.md, "What-if"):
 * <ol>
 *   <li><b>The baseline is nobody away.</b> The grants are taken as valid today; stand-ins of today's recorded
 *       absences are <em>not</em> part of the input — who is away is exactly the {@code absent} set (for
 *       {@code from=&to=} the caller passes everyone with a recorded absence in that window).</li>
 *   <li>A domain in which nobody may approve even with everybody present is <b>already uncovered</b>: listed in
 *       {@link WhatIfReport#alreadyUncovered()}, never in {@code stalled} or {@code coveredByBackup} (the absence
 *       does not cause it).</li>
 *   <li>Someone <b>may approve</b> when absent people are away if they are present and either hold an approving
 *       (level ≥ 5) user grant, or are a member of a group holding one (a group is never away: it counts through
 *       its present members), or are the <b>backup</b> of an approving user grant whose holder is absent — a
 *       backup stands in only for the grant that names them, only if they are present and not the holder.
 *       A group grant's backup never stands in ({@link ApprovingGrant} drops it).</li>
 *   <li>A covered domain is <b>stalled</b> when nobody may approve once the absent are away.</li>
 *   <li>A domain is <b>covered by backup</b> when no holder or group member who may approve is present, but at
 *       least one backup stands in. It lists every stand-in: (absent holder, present backup) for each approving
 *       user grant whose holder is absent and whose backup stands in, sorted by holder then backup. A domain
 *       where a holder or group member is still present is not listed, even if a backup would also stand in.</li>
 *   <li><b>Co-deciders lost</b>: the <b>co-deciders</b> of a domain are the people whose effective level there
 *       is AGREE (4): the holders of its AGREE user grants and the members of its AGREE group grants, except
 *       those who may approve there through another grant (their level is higher). A co-decider is lost when
 *       absent — unless one of their own AGREE user grants has a backup (not themselves) who is present: the
 *       backup agrees for them, as {@link EffectiveAuthority} rules. A group member is lost as a person: the
 *       other members do not agree for them. Listed per domain as the absent usernames, sorted.</li>
 *   <li><b>Decisions waiting</b>: the open decisions whose approver is absent — whether or not a backup may
 *       approve for them, the decision is assigned to someone who is away. Sorted by project key, then issue
 *       number (DEMO-9 before DEMO-10), then key. A decision without approver is never listed.</li>
 *   <li>Domain lists are sorted by key; a domain key given twice is one domain with the grants of both. An
 *       absent name that holds nothing changes nothing.</li>
 * </ol>
 */
public final class WhatIf {

    private WhatIf() {
    }

    /**
     * One domain of the scope as its grants count today, nobody away.
     *
     * @param approving the grants at level ≥ 5 (valid today), holders as usernames, groups expanded
     * @param agreeing  the grants at exactly AGREE (valid today), in the same form
     */
    public record Domain(String domainKey, List<ApprovingGrant> approving, List<ApprovingGrant> agreeing) {
        public Domain {
            Objects.requireNonNull(domainKey, "domainKey");
            approving = List.copyOf(approving);
            agreeing = List.copyOf(agreeing);
        }

        /**
         * The domain from its effective authority: the valid grants at level ≥ 5 and at AGREE. Stand-ins of today's
         * recorded absences are ignored (the what-if decides who is away).
         *
         * @param nameOfKey     username of a user key; null for an unknown or inactive user (their grant then gives
         *                      nobody anything; as a backup they are no backup)
         * @param memberNamesOf the usernames of a group's active members
         */
        public static Domain of(EffectiveAuthority authority, Function<String, String> nameOfKey,
                                Function<String, ? extends Collection<String>> memberNamesOf) {
            List<ApprovingGrant> approving = new ArrayList<>();
            List<ApprovingGrant> agreeing = new ArrayList<>();
            for (Grant g : authority.validGrants()) {
                List<ApprovingGrant> into = g.level().mayApprove() ? approving : g.level() == Level.AGREE ? agreeing : null;
                if (into == null) {
                    continue;
                }
                if (g.holder().isUser()) {
                    String name = nameOfKey.apply(g.holder().id());
                    if (name != null) {
                        into.add(ApprovingGrant.user(name, g.backupKey() == null ? null : nameOfKey.apply(g.backupKey())));
                    }
                } else {
                    into.add(ApprovingGrant.group(g.holder().id(), memberNamesOf.apply(g.holder().id())));
                }
            }
            return new Domain(authority.domainKey(), approving, agreeing);
        }
    }

    /**
     * An open decision of the scope.
     *
     * @param approverName the approver's username; null when nobody is accountable yet
     */
    public record OpenDecision(String issueKey, String projectKey, long issueNumber, String approverName) {
        public OpenDecision {
            Objects.requireNonNull(issueKey, "issueKey");
            Objects.requireNonNull(projectKey, "projectKey");
        }

        /** From a key like {@code DEMO-12}. */
        public static OpenDecision of(String issueKey, String approverName) {
            return new OpenDecision(issueKey, issueKey.substring(0, issueKey.lastIndexOf('-')),
                    io.mandate.platform.IssueRef.numberOf(issueKey), approverName);
        }
    }

    private static final Comparator<OpenDecision> PROJECT_THEN_NUMBER = Comparator.comparing(OpenDecision::projectKey)
            .thenComparingLong(OpenDecision::issueNumber).thenComparing(OpenDecision::issueKey);

    /** The what-if of the scope's domains and open decisions when {@code absent} (usernames) are away. */
    public static WhatIfReport of(Collection<Domain> domains, Collection<String> absent,
                                  Collection<OpenDecision> openDecisions) {
        Set<String> away = new TreeSet<>(absent);
        Map<String, List<ApprovingGrant>> approvingByDomain = new TreeMap<>();
        Map<String, List<ApprovingGrant>> agreeingByDomain = new TreeMap<>();
        for (Domain d : domains) {
            approvingByDomain.computeIfAbsent(d.domainKey(), k -> new ArrayList<>()).addAll(d.approving());
            agreeingByDomain.computeIfAbsent(d.domainKey(), k -> new ArrayList<>()).addAll(d.agreeing());
        }
        List<String> alreadyUncovered = new ArrayList<>();
        List<String> stalled = new ArrayList<>();
        Map<String, List<WhatIfReport.StandIn>> coveredByBackup = new TreeMap<>();
        Map<String, List<String>> coDecidersLost = new TreeMap<>();
        for (Map.Entry<String, List<ApprovingGrant>> e : approvingByDomain.entrySet()) {
            List<ApprovingGrant> grants = e.getValue();
            boolean coveredBefore = grants.stream().anyMatch(g -> !g.people().isEmpty());
            boolean holderPresent = grants.stream().anyMatch(g -> g.people().stream().anyMatch(p -> !away.contains(p)));
            if (!coveredBefore) {
                alreadyUncovered.add(e.getKey());
            } else if (!holderPresent) {
                List<WhatIfReport.StandIn> standIns = grants.stream()
                        .filter(g -> standsIn(g, away))
                        .map(g -> new WhatIfReport.StandIn(g.holder(), g.backup()))
                        .distinct().sorted(WhatIfReport.StandIn.ORDER).toList();
                if (standIns.isEmpty()) {
                    stalled.add(e.getKey());
                } else {
                    coveredByBackup.put(e.getKey(), standIns);
                }
            }
            Set<String> approvers = new TreeSet<>();
            grants.forEach(g -> approvers.addAll(g.people()));
            Set<String> lost = new TreeSet<>();
            List<ApprovingGrant> agreeing = agreeingByDomain.get(e.getKey());
            for (ApprovingGrant g : agreeing) {
                for (String person : g.people()) {
                    boolean standIn = agreeing.stream()
                            .anyMatch(a -> !a.group() && a.holder().equals(person) && standsIn(a, away));
                    if (away.contains(person) && !approvers.contains(person) && !standIn) {
                        lost.add(person);
                    }
                }
            }
            if (!lost.isEmpty()) {
                coDecidersLost.put(e.getKey(), List.copyOf(lost));
            }
        }
        List<String> waiting = openDecisions.stream()
                .filter(d -> d.approverName() != null && away.contains(d.approverName()))
                .sorted(PROJECT_THEN_NUMBER).map(OpenDecision::issueKey).distinct().toList();
        return new WhatIfReport(List.copyOf(away), alreadyUncovered, stalled, coveredByBackup, coDecidersLost, waiting);
    }

    /** A user grant whose holder is away and whose backup (someone else) is present. */
    private static boolean standsIn(ApprovingGrant g, Set<String> away) {
        return !g.group() && away.contains(g.holder()) && g.backup() != null && !g.backup().equals(g.holder())
                && !away.contains(g.backup());
    }
}
