package io.mandate.authority;

import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import io.mandate.decision.Decision;
import io.mandate.decision.DecisionAuthority;
import io.mandate.platform.IssueRef;
import io.mandate.platform.Principal;

import javax.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the decision capability asks of the authority matrix ({@link DecisionAuthority}), answered from the
 * cached matrix: no query per decision beyond the caches, so a list of decisions costs no extra statements.
 *
 * <ul>
 *   <li><b>The decision's domain</b>: the one set by hand (while it exists), else the one the scope rules give the
 *       issue now.</li>
 *   <li><b>Authority violation</b>: the decision has an approver and a domain, and the approver's effective level
 *       there is below ADVISE (5) — stand-ins count, as they may approve while the holder is away.</li>
 *   <li><b>Consultation gap</b>: someone who holds exactly CONSULT (3) in the decision's domain is missing from its
 *       contributors. A user holder must be among them; a group holding CONSULT is consulted when one of its
 *       members whose effective level is exactly CONSULT is among them. People whose effective level is higher
 *       (a direct ADVISE beside a group's CONSULT) decide rather than advise, so they are not required.</li>
 *   <li>A decision in no domain, or in a tie of domains, has nothing to check.</li>
 *   <li>A deactivated or deleted approver holds no level ({@link EffectiveAuthority}): their decision is a violation,
 *       as one whose approver's grant has expired; nobody who may not act is offered as an approver.</li>
 * </ul>
 */
@JiraComponent
public class MatrixDecisionAuthority implements DecisionAuthority {

    private final AuthorityService authority;

    @Inject
    public MatrixDecisionAuthority(AuthorityService authority) {
        this.authority = authority;
    }

    @Override
    public Optional<String> domainOf(IssueRef issue) {
        return authority.match(issue).domain();
    }

    @Override
    public boolean domainExists(String domainKey) {
        return authority.domain(domainKey).isPresent();
    }

    @Override
    public Checks checks(Decision decision, IssueRef issue) {
        return Checks.of(decision, findings(decision, issue));
    }

    /** One decision: a run of one ({@link #run}). */
    @Override
    public Optional<Findings> findings(Decision decision, IssueRef issue) {
        return run().findings(decision, issue);
    }

    /**
     * A run remembers what a report asks again and again: each person's groups and whether they may act (host
     * calls), and per domain its effective authority, its name and which of its CONSULT holders must be consulted.
     * Decision after decision of a report then costs a few map lookups, not a walk over the domain's holders with a
     * host lookup each. It keeps nothing per decision or per (domain, person) pair — kept, those made the report hold
     * 30 MB more at L (75 MB, the goal is 64 MB) — so what it holds is bounded by the matrix and the people.
     */
    @Override
    public Run run() {
        return new MemoRun();
    }

    private final class MemoRun implements Run {
        private final Map<String, Set<String>> groups = new HashMap<>();
        private final Map<String, Boolean> mayAct = new HashMap<>();
        /* made once, not per decision: a method reference that captures allocates each time it is evaluated */
        private final Function<String, Set<String>> groupsOfPerson = this::groupsOf;
        private final Function<String, List<String>> membersOfGroup = authority::memberKeys;
        private final Map<String, InDomain> domains = new HashMap<>();

        @Override
        public Optional<Findings> findings(Decision decision, IssueRef issue) {
            Optional<String> key = effectiveDomain(decision, issue);
            if (key.isEmpty()) {
                return Optional.empty();
            }
            InDomain in = domains.computeIfAbsent(key.get(), InDomain::new);
            Optional<Level> level = decision.approverKey() == null ? Optional.empty() : in.levelOf(decision.approverKey());
            return Optional.of(new Findings(in.key, in.name, level.map(Level::name).orElse(null),
                    level.map(Level::mayApprove).orElse(false), in.notConsulted(decision)));
        }

        Set<String> groupsOf(String userKey) {
            return groups.computeIfAbsent(userKey, authority::groupsOf);
        }

        /** One domain as this run sees it. */
        private final class InDomain {
            private final String key;
            private final String name;
            private final EffectiveAuthority authority;
            /** The holders at CONSULT in grant order: users only when exactly CONSULT is their level. */
            private final List<Principal> toConsult = new ArrayList<>();
            private final Function<String, Boolean> mayActHere;

            InDomain(String key) {
                this.key = key;
                this.authority = MatrixDecisionAuthority.this.authority.authorityIn(key);
                this.name = MatrixDecisionAuthority.this.authority.domain(key).map(Domain::name).orElse(key);
                this.mayActHere = authority::mayAct;
                for (Principal holder : authority.holdersAt(Level.CONSULT)) {
                    // people whose effective level is higher (a direct ADVISE beside a group's CONSULT) decide
                    if (!holder.isUser() || levelOf(holder.id()).orElse(null) == Level.CONSULT) {
                        toConsult.add(holder);
                    }
                }
            }

            /** The person's level here; whether they may act is the host's answer, the same in every domain. */
            Optional<Level> levelOf(String userKey) {
                return authority.levelOf(userKey, groupsOf(userKey), mayAct.computeIfAbsent(userKey, mayActHere));
            }

            List<Principal> notConsulted(Decision decision) {
                List<Principal> missing = new ArrayList<>();
                for (Principal holder : toConsult) {
                    if (holder.isUser() ? !decision.contributorKeys().contains(holder.id()) : !groupConsulted(holder.id(), decision)) {
                        missing.add(holder);
                    }
                }
                return missing;
            }

            /**
             * Whether a group holding CONSULT was consulted. The contributors are looked at first: one in the group
             * whose level is exactly CONSULT settles it. Only when none is, the members count — to tell a gap from a
             * group whose members all hold more and so need no consulting — and that is worked out once per group and
             * domain ({@link EffectiveAuthority#hasMemberToConsult}), not per decision. A list of decisions therefore
             * costs O(contributors) per decision.
             */
            private boolean groupConsulted(String group, Decision decision) {
                for (String contributor : decision.contributorKeys()) {
                    if (groupsOf(contributor).contains(group) && levelOf(contributor).orElse(null) == Level.CONSULT) {
                        return true;
                    }
                }
                // someone of the group must be consulted and no contributor is such a one — unless all its members hold more
                return !authority.hasMemberToConsult(group, membersOfGroup, groupsOfPerson);
            }
        }
    }

    @Override
    public List<String> mayApprove(Decision decision, IssueRef issue, int limit) {
        Optional<String> domain = decision == null ? domainOf(issue) : effectiveDomain(decision, issue);
        if (domain.isEmpty() || limit <= 0) {
            return List.of();
        }
        EffectiveAuthority in = authority.authorityIn(domain.get());
        // deactivated and deleted people hold nothing (EffectiveAuthority) and cannot be made approver: never offered
        Set<String> offered = new LinkedHashSet<>();
        List<Grant> approving = in.validGrants().stream().filter(g -> g.level().mayApprove()).toList();
        for (Grant g : approving) {
            if (g.holder().isUser() && offer(g.holder().id(), in, offered, limit)) {
                return List.copyOf(offered);
            }
        }
        for (EffectiveAuthority.StandIn s : in.standIns()) {
            if (s.grant().level().mayApprove() && offer(s.backupKey(), in, offered, limit)) {
                return List.copyOf(offered);
            }
        }
        for (Grant g : approving) {
            if (!g.holder().isUser()) {
                // a group may hold every user of the instance: its members are gone through only until the list is full
                for (String member : authority.memberKeys(g.holder().id())) {
                    if (offer(member, in, offered, limit)) {
                        return List.copyOf(offered);
                    }
                }
            }
        }
        return List.copyOf(offered);
    }

    /** Adds the person if they may act; whether the list is full. */
    private static boolean offer(String key, EffectiveAuthority in, Set<String> offered, int limit) {
        if (!offered.contains(key) && in.mayAct(key)) {
            offered.add(key);
        }
        return offered.size() >= limit;
    }

    @Override
    public List<String> alsoToNotify(Decision decision, IssueRef issue) {
        Optional<String> domain = effectiveDomain(decision, issue);
        if (domain.isEmpty() || decision.approverKey() == null) {
            return List.of();
        }
        Set<String> approverGroups = authority.groupsOf(decision.approverKey());
        List<String> mentees = new ArrayList<>();
        for (Grant g : authority.authorityIn(domain.get()).validGrants()) {
            boolean approverHolds = g.holder().isUser() ? g.holder().id().equals(decision.approverKey())
                    : approverGroups.contains(g.holder().id());
            if (approverHolds && g.menteeKey() != null && !mentees.contains(g.menteeKey())) {
                mentees.add(g.menteeKey());
            }
        }
        return mentees;
    }

    /**
     * The domain set by hand (while it exists), else the one the rules give the issue now — never a derived domain
     * as stored at the last save, which may be out of date.
     */
    Optional<String> effectiveDomain(Decision decision, IssueRef issue) {
        if (decision.domainSetByHand() && decision.domain() != null && authority.domain(decision.domain()).isPresent()) {
            return Optional.of(decision.domain());
        }
        return domainOf(issue);
    }
}
