package io.mandate.decision;

import io.mandate.platform.Person;
import io.mandate.platform.Principal;

import java.time.Instant;
import java.util.List;

/**
 * That a decision's people are to be told of its new outcome (DECIDED or REVERSED), as the write that made it queued
 * it: the decision as it was then and whom it names — informed users and groups (not their members), contributors and
 * the people the authority matrix adds ({@code alsoToNotify}). Who of them is told, and in which words, is worked out
 * when the notice is sent ({@link DecisionNotifier#mailsFor}).
 *
 * @param id       the queue row's id; 0 for a notice not queued yet
 * @param attempts how often turning it into mail has failed so far
 */
public record Notice(long id, long issueId, String issueKey, DecisionStatus status, String authorKey, String approverKey,
                     String outcome, List<String> contributorKeys, List<Principal> informed, List<String> alsoToNotify,
                     int decisionVersion, Instant queuedAt, int attempts) {

    public Notice {
        contributorKeys = List.copyOf(contributorKeys);
        informed = List.copyOf(informed);
        alsoToNotify = List.copyOf(alsoToNotify);
    }

    /** The notice a write of {@code decision} by {@code author} queues, before the write has its version. */
    public static Notice of(Decision decision, Person author, List<String> alsoToNotify, Instant now) {
        return new Notice(0, decision.issueId(), decision.issueKey(), decision.status(), author.key(), decision.approverKey(),
                decision.outcome(), decision.contributorKeys(), decision.informed(), alsoToNotify, decision.version(), now, 0);
    }

    /** The same notice for the version the write gave the decision. */
    Notice forVersion(int version) {
        return new Notice(id, issueId, issueKey, status, authorKey, approverKey, outcome, contributorKeys, informed,
                alsoToNotify, version, queuedAt, attempts);
    }
}
