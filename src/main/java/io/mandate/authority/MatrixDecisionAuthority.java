package io.mandate.authority;

import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;
import io.mandate.decision.Decision;
import io.mandate.decision.DecisionAuthority;
import io.mandate.platform.IssueRef;
import io.mandate.platform.Principal;

import javax.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the decision capability asks of the authority matrix ({@link DecisionAuthority}), answered from the
 * cached matrix: no query per decision beyond the caches, so a list of decisions costs no extra statements.
 *
 * <ul>
 *   <li><b>Authority violation</b>: the decision has an approver and a domain, and the approver's effective level
 *       there is below ADVISE (5) — stand-ins count, as they may approve while the holder is away.</li>
 *   <li><b>Consultation gap</b>: someone who holds exactly CONSULT (3) in the decision's domain is missing from its
 *       contributors. A user holder must be among them; a group holding CONSULT is consulted when one of its
 *       members whose effective level is exactly CONSULT is among them. People whose effective level is higher
 *       (a direct ADVISE beside a group's CONSULT) decide rather than advise, so they are not required.</li>
 *   <li>A decision in no domain, or in a tie of domains, has nothing to check.</li>
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
        Optional<String> domain = effectiveDomain(decision, issue);
        if (domain.isEmpty()) {
            return Checks.NONE;
        }
        EffectiveAuthority in = authority.authorityIn(domain.get());
        boolean violation = decision.approverKey() != null
                && !in.mayApprove(decision.approverKey(), authority.groupsOf(decision.approverKey()));
        return new Checks(violation, consultationGap(decision, in));
    }

    private boolean consultationGap(Decision decision, EffectiveAuthority in) {
        List<Principal> consulted = in.holdersAt(Level.CONSULT);
        if (consulted.isEmpty()) {
            return false;
        }
        for (Principal holder : consulted) {
            if (holder.isUser()) {
                boolean exactlyConsult = in.levelOf(holder.id(), authority.groupsOf(holder.id())).orElse(null) == Level.CONSULT;
                if (exactlyConsult && !decision.contributorKeys().contains(holder.id())) {
                    return true;
                }
            } else if (!groupConsulted(holder.id(), decision, in)) {
                return true;
            }
        }
        return false;
    }

    private boolean groupConsulted(String group, Decision decision, EffectiveAuthority in) {
        boolean anyMemberRequired = false;
        for (var member : authority.membersOf(group)) {
            Set<String> groups = authority.groupsOf(member.key());
            if (in.levelOf(member.key(), groups).orElse(null) == Level.CONSULT) {
                anyMemberRequired = true;
                if (decision.contributorKeys().contains(member.key())) {
                    return true;
                }
            }
        }
        return !anyMemberRequired;
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
