package io.mandate.decision;

import net.java.ao.RawEntity;

/** The decision capability's Active Objects entities, for a test database that holds decisions and their notifications. */
public final class DecisionTables {

    private DecisionTables() {
    }

    @SuppressWarnings("unchecked")
    public static Class<? extends RawEntity<?>>[] all() {
        return new Class[]{DecisionEntity.class, ParticipantEntity.class, AuditEntity.class, RevisionEntity.class,
                NotificationEntity.class, NoticeEntity.class, MailEntity.class, MailClaimEntity.class};
    }
}
