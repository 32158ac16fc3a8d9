package io.mandate.decision;

import io.mandate.platform.IssueRef;

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
     * The matrix's verdict on one decision. {@code authorityViolation}: the approver lacks the authority
     * to approve in the decision's domain; {@code consultationGap}: someone who must be consulted is
     * missing from the contributors.
     */
    record Checks(boolean authorityViolation, boolean consultationGap) {
        public static final Checks NONE = new Checks(false, false);
    }
}
