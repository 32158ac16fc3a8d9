package io.mandate.decision;

import io.mandate.platform.IssueRef;
import io.mandate.platform.Principal;

import java.util.List;
import java.util.Optional;

/**
 * What decisions need to know from the authority matrix, and the only way the decision capability
 * reaches it (decision owns this interface; the authority capability implements it). Until the
 * matrix exists, {@link NoDomainAuthority} answers: no domains, nothing to check, nobody extra to tell.
 */
public interface DecisionAuthority {

    /** The domain the scope rules give the issue; empty when none matches (or the winners tie). */
    Optional<String> domainOf(IssueRef issue);

    /** Whether a domain with this key exists (an explicitly set domain must). */
    boolean domainExists(String domainKey);

    /** The matrix's verdict on a decision (product brief: violations and consultation gaps). */
    Checks checks(Decision decision, IssueRef issue);

    /** User keys to tell of the decision's outcome besides its informed and contributors (the approver's mentees). */
    List<String> alsoToNotify(Decision decision, IssueRef issue);

    /**
     * What lies behind the checks, for the panel to put into words; empty when the decision is in no domain (or a
     * tie). The default (no matrix) has none.
     */
    default Optional<Findings> findings(Decision decision, IssueRef issue) {
        return Optional.empty();
    }

    /**
     * {@link #findings} for many decisions in a row, on one thread (a report): what they ask again and again — a
     * person's groups — is looked up once per run rather than once per decision. The default asks {@link #findings}.
     */
    default Run run() {
        return this::findings;
    }

    /** One run of {@link #findings} over many decisions ({@link #run}); not for sharing between threads. */
    @FunctionalInterface
    interface Run {
        Optional<Findings> findings(Decision decision, IssueRef issue);
    }

    /**
     * The user keys of the people who may approve in the decision's domain (the issue's, for {@code decision}
     * null), strongest first: direct holders, stand-ins, then members of holding groups; at most {@code limit}.
     * What the approver picker offers first. The default (no matrix) names nobody.
     */
    default List<String> mayApprove(Decision decision, IssueRef issue, int limit) {
        return List.of();
    }

    /**
     * The facts behind {@link Checks}: the domain (key and name), the approver's effective level there (a level's
     * name, null when they hold none) and who must be consulted but is not among the contributors (users, and
     * groups none of whose consulted members is).
     */
    record Findings(String domainKey, String domainName, String approverLevel, boolean approverMayApprove,
                    List<Principal> notConsulted) {
        public Findings {
            notConsulted = List.copyOf(notConsulted);
        }
    }

    /**
     * The matrix's verdict on one decision. {@code authorityViolation}: the approver lacks the authority
     * to approve in the decision's domain; {@code consultationGap}: someone who must be consulted is
     * missing from the contributors.
     */
    record Checks(boolean authorityViolation, boolean consultationGap) {
        public static final Checks NONE = new Checks(false, false);

        /**
         * The verdict the findings give: a violation when the decision has an approver who may not approve, a gap
         * when someone who must be consulted is missing; nothing to check without findings (no domain, or a tie).
         */
        public static Checks of(Decision decision, Optional<Findings> findings) {
            return findings.map(f -> new Checks(decision.approverKey() != null && !f.approverMayApprove(),
                    !f.notConsulted().isEmpty())).orElse(NONE);
        }
    }
}
