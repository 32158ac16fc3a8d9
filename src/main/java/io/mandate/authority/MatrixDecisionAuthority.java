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
import java.util.function.Function;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import java.util.Set;

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

    @Override
    public Optional<Findings> findings(Decision decision, IssueRef issue) {
        return run().findings(decision, issue);
    }

    /** Each person's groups are asked of the host once per run: a report asks about the same approvers again and again. */
    @Override
    public Run run() {
        Map<String, Set<String>> known = new HashMap<>();
        Function<String, Set<String>> groupsOf = key -> known.computeIfAbsent(key, authority::groupsOf);
        return (decision, issue) -> findings(decision, issue, groupsOf);
    }

    private Optional<Findings> findings(Decision decision, IssueRef issue, Function<String, Set<String>> groupsOf) {
        Optional<String> domain = effectiveDomain(decision, issue);
        if (domain.isEmpty()) {
            return Optional.empty();
        }
        EffectiveAuthority in = authority.authorityIn(domain.get());
        String name = authority.domain(domain.get()).map(Domain::name).orElse(domain.get());
        String approver = decision.approverKey();
        Optional<Level> level = approver == null ? Optional.empty() : in.levelOf(approver, groupsOf.apply(approver));
        return Optional.of(new Findings(domain.get(), name, level.map(Level::name).orElse(null),
                level.map(Level::mayApprove).orElse(false), notConsulted(decision, in, groupsOf)));
    }

    private List<Principal> notConsulted(Decision decision, EffectiveAuthority in, Function<String, Set<String>> groupsOf) {
        List<Principal> missing = new ArrayList<>();
        for (Principal holder : in.holdersAt(Level.CONSULT)) {
            if (holder.isUser()) {
                boolean exactlyConsult = in.levelOf(holder.id(), groupsOf.apply(holder.id())).orElse(null) == Level.CONSULT;
                if (exactlyConsult && !decision.contributorKeys().contains(holder.id())) {
                    missing.add(holder);
                }
            } else if (!groupConsulted(holder.id(), decision, in, groupsOf)) {
                missing.add(holder);
            }
        }
        return missing;
    }

    /**
     * Whether a group holding CONSULT was consulted. The contributors are looked at first (a handful of host
     * lookups, answered from the host's caches): one in the group whose level is exactly CONSULT settles it. Only
     * when none is, the members count — to tell a gap from a group whose members all hold more and so need no
     * consulting — and that is worked out once per group and domain ({@link EffectiveAuthority#hasMemberToConsult}),
     * not per decision. A list of decisions therefore costs O(contributors) per decision.
     */
    private boolean groupConsulted(String group, Decision decision, EffectiveAuthority in, Function<String, Set<String>> groupsOf) {
        for (String contributor : decision.contributorKeys()) {
            Set<String> groups = groupsOf.apply(contributor);
            if (groups.contains(group) && in.levelOf(contributor, groups).orElse(null) == Level.CONSULT) {
                return true;
            }
        }
        // someone of the group must be consulted and no contributor is such a one — unless all its members hold more
        return !in.hasMemberToConsult(group, authority::memberKeys, groupsOf);
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
