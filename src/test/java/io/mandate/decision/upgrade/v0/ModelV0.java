package io.mandate.decision.upgrade.v0;

import net.java.ao.RawEntity;

import java.util.List;

/**
 * Active Objects model version 0 as it was released (atlassian-plugin.xml at git f736016^: decisions, participants,
 * audit trail with usernames, revisions), frozen in the test tree so upgrade tests can build the old schema however
 * the live entities move on. docs/design/upgrades.md says when to freeze the next one.
 */
public final class ModelV0 {

    /** The entities of model version 0, in the order the old descriptor listed them. */
    public static final List<Class<? extends RawEntity<?>>> ENTITIES = List.of(DecisionV0.class, ParticipantV0.class,
            AuditV0.class, RevisionV0.class);

    private ModelV0() {
    }
}
