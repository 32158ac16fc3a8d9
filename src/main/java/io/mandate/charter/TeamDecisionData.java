package io.mandate.charter;

import io.mandate.platform.Person;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the linked Jira says about a team's domains, as the viewing user may see it: who may approve, decide together
 * and must be consulted in each domain, the open decisions of those domains, and a {@link JiraNotice} for everything
 * that could not be loaded (the charter shows them plainly instead of the missing part). Immutable; cached per user.
 *
 * @param domains        the team's domains in the charter's order, each {@link DomainRights#known() known} to Jira or not
 * @param decisions      open decisions (OPEN, IN_PROGRESS) of the team's domains, by due date (none last), then issue key
 * @param decisionsTotal how many open decisions Jira has for those domains (more than {@code decisions} when cut off)
 * @param loaded         false when Jira's data could not be read at all (the notices say why)
 * @param jiraUrl        where the issues are shown (the link's display URL), or null
 */
public record TeamDecisionData(List<DomainRights> domains, List<OpenDecision> decisions, int decisionsTotal,
                               List<JiraNotice> notices, boolean loaded, URI jiraUrl) {

    public TeamDecisionData {
        domains = List.copyOf(domains);
        decisions = List.copyOf(decisions);
        notices = List.copyOf(notices);
    }

    /** Whether the user must authorise the link before anything can be read (nothing worth keeping in a cache). */
    public boolean needsAuthorisation() {
        return notices.stream().anyMatch(JiraNotice::asksForAuthorisation);
    }

    /**
     * A domain of the team and who holds which authority in it today.
     *
     * @param known  whether Jira has the domain (for this user); false: name and lists are empty
     * @param loaded whether its grants were read; false: the lists are empty because they could not be loaded
     */
    public record DomainRights(String key, String name, boolean known, boolean loaded, List<Holder> approvers,
                               List<Holder> coDeciders, List<Holder> consulted) {
        public DomainRights {
            Objects.requireNonNull(key, "key");
            approvers = List.copyOf(approvers);
            coDeciders = List.copyOf(coDeciders);
            consulted = List.copyOf(consulted);
        }

        static DomainRights unknown(String key) {
            return new DomainRights(key, null, false, false, List.of(), List.of(), List.of());
        }

        static DomainRights notLoaded(String key, String name) {
            return new DomainRights(key, name, true, false, List.of(), List.of(), List.of());
        }
    }

    /**
     * A holder of a grant: a user (with display name) or a group, and the grant's backup (a username) if any.
     *
     * @param group true for a group holder
     * @param state for a user, whether Jira says they are active, deactivated or deleted (then {@code name} is the key)
     */
    public record Holder(boolean group, String name, String displayName, String backup, Person.State state) {
        public Holder {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
            displayName = displayName == null || displayName.isBlank() ? name : displayName;
        }

        public Holder(boolean group, String name, String displayName, String backup) {
            this(group, name, displayName, backup, Person.State.ACTIVE);
        }

        /** The user holder as a person (Jira's grant JSON names no key; a deleted user's name is the key). */
        Person person() {
            return new Person(name, name, displayName, state);
        }
    }

    /**
     * An open decision as the charter lists it.
     *
     * @param approver      the approver's display name (a deleted one's key), or null
     * @param approverState whether Jira says the approver is active, deactivated or deleted
     */
    public record OpenDecision(String issueKey, String summary, String status, String domain, String approver,
                               Person.State approverState, LocalDate dueDate, boolean overdue) {
        public OpenDecision {
            Objects.requireNonNull(issueKey, "issueKey");
            Objects.requireNonNull(approverState, "approverState");
        }

        public OpenDecision(String issueKey, String summary, String status, String domain, String approver,
                            LocalDate dueDate, boolean overdue) {
            this(issueKey, summary, status, domain, approver, Person.State.ACTIVE, dueDate, overdue);
        }
    }
}
