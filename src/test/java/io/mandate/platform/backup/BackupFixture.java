package io.mandate.platform.backup;

import io.mandate.authority.AbsenceEntity;
import io.mandate.authority.DomainEntity;
import io.mandate.authority.DomainScopeEntity;
import io.mandate.authority.GrantEntity;
import io.mandate.authority.MatrixAuditEntity;
import io.mandate.charter.CharterAuditEntity;
import io.mandate.charter.CharterDomainEntity;
import io.mandate.charter.CharterEntity;
import io.mandate.charter.CharterMemberEntity;
import io.mandate.decision.AuditEntity;
import io.mandate.decision.DecisionEntity;
import io.mandate.decision.ParticipantEntity;
import io.mandate.decision.RevisionEntity;
import io.mandate.refhost.db.RefActiveObjects;
import net.java.ao.Entity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Rows with every field set and every nullable field null, texts at their columns' longest (in characters outside
 * ASCII), unicode beyond the BMP in the unlimited texts, quotes, backslashes, line breaks and control characters,
 * both values and null for every Boolean, an issue id beyond the int range, instants with milliseconds, and gaps in
 * the ids (rows deleted) — in every Mandate table of both products.
 */
final class BackupFixture {

    /** 255 characters, none of them ASCII (a default text column's longest). */
    static final String LONGEST = "Ü".repeat(200) + "日本語のテキスト".repeat(6) + "ßßßßßßß";
    /** An unlimited text: 12,000 characters with an emoji, a CJK run, quotes, backslashes, breaks and a control character. */
    static final String UNLIMITED = ("Entscheidung \"über\" C:\\Pfad\\ — 😀 日本\n\tzweite Zeile \u0001 ende; ").repeat(300).substring(0, 12_000);
    static final Instant T1 = Instant.parse("2026-11-20T10:00:00.123Z");
    static final Instant T2 = Instant.parse("2026-11-21T09:30:05.007Z");

    private final RefActiveObjects ao;

    BackupFixture(RefActiveObjects ao) {
        this.ao = ao;
    }

    /** The Jira tables' rows. */
    void jira() {
        ao.executeInTransaction(() -> {
            DecisionEntity full = create(DecisionEntity.class, Map.ofEntries(
                    Map.entry("ISSUE_ID", 9_000_000_001L), Map.entry("PROJECT_ID", 10_001L), Map.entry("ISSUE_KEY", "K".repeat(250) + "-9999"),
                    Map.entry("PROJECT_KEY", "Ä".repeat(255)), Map.entry("ISSUE_NUMBER", 9999L), Map.entry("STATUS", "DECIDED"),
                    Map.entry("DRIVER_KEY", "JIRAUSER10001"), Map.entry("APPROVER_KEY", "ключ-пользователя"), Map.entry("DUE_DATE", "2026-12-31"),
                    Map.entry("REVIEW_DATE", "2027-06-30"), Map.entry("OUTCOME", UNLIMITED), Map.entry("DOMAIN_KEY", "ABCDEFGHIJ0123456789"),
                    Map.entry("DOMAIN_BY_HAND", Boolean.TRUE), Map.entry("DECIDED_AT", Timestamp.from(T2)),
                    Map.entry("CREATED_AT", Timestamp.from(T1)), Map.entry("UPDATED_AT", Timestamp.from(T2)), Map.entry("VERSION", Integer.MAX_VALUE)));
            DecisionEntity gone = create(DecisionEntity.class, decision(9_000_000_002L, Boolean.FALSE));
            DecisionEntity empty = create(DecisionEntity.class, decision(9_000_000_003L, null));
            ao.delete(gone); // a gap in the ids
            for (int i = 0; i < 3; i++) {
                create(ParticipantEntity.class, Map.of("DECISION_ID", full.getID(), "ROLE", i == 0 ? "CONTRIBUTOR" : "INFORMED",
                        "KIND", i == 2 ? "GROUP" : "USER", "REF", i == 2 ? LONGEST : "JIRAUSER1000" + i, "POSITION", i));
            }
            create(RevisionEntity.class, Map.of("REVISION_KEY", full.getID() + ":1", "DECISION_ID", full.getID(), "VERSION", 1,
                    "AUTHOR_KEY", "JIRAUSER10000", "CHANGED_AT", Timestamp.from(T1)));
            create(RevisionEntity.class, Map.of("REVISION_KEY", empty.getID() + ":1", "DECISION_ID", empty.getID(), "VERSION", 1,
                    "AUTHOR_KEY", "JIRAUSER10000", "CHANGED_AT", Timestamp.from(T2)));
            Map<String, Object> audit = new HashMap<>(Map.of("ISSUE_ID", 9_000_000_001L, "ISSUE_KEY", "K-1", "AUTHOR_KEY", "JIRAUSER10000",
                    "CHANGED_AT", Timestamp.from(T1), "FIELD", "outcome", "NEW_VALUE", UNLIMITED, "VALUE_FORMAT", 1));
            audit.put("OLD_VALUE", null);
            create(AuditEntity.class, audit);
            audit.put("OLD_VALUE", "vorher");
            audit.put("VALUE_FORMAT", null);
            create(AuditEntity.class, audit);

            DomainEntity domain = create(DomainEntity.class, Map.of("DOMAIN_KEY", "ABCDEFGHIJ0123456789", "NAME", LONGEST,
                    "DESCRIPTION", UNLIMITED, "VERSION", 7, "GRANTS_REVISION", 3));
            Map<String, Object> bare = new HashMap<>(Map.of("DOMAIN_KEY", "Z_BARE", "NAME", "Bare", "VERSION", 1, "GRANTS_REVISION", 0));
            bare.put("DESCRIPTION", null);
            create(DomainEntity.class, bare);
            create(DomainScopeEntity.class, Map.of("DOMAIN_ID", domain.getID(), "DIMENSION", "LABEL", "SCOPE_VALUE", LONGEST, "POSITION", 0));
            Map<String, Object> grant = new HashMap<>(Map.of("DOMAIN_KEY", "ABCDEFGHIJ0123456789", "HOLDER_TYPE", "GROUP",
                    "HOLDER", LONGEST, "GRANT_LEVEL", 7, "MENTEE_KEY", "JIRAUSER10003", "VALID_TO", "2027-06-30", "NOTE", UNLIMITED, "VERSION", 2));
            grant.put("BACKUP_KEY", null);
            grant.put("VALID_FROM", null);
            GrantEntity first = create(GrantEntity.class, grant);
            ao.delete(create(GrantEntity.class, grant)); // a gap
            grant.put("NOTE", null);
            grant.put("BACKUP_KEY", "JIRAUSER10002");
            grant.put("VALID_FROM", "2026-01-01");
            create(GrantEntity.class, grant);
            Map<String, Object> absence = new HashMap<>(Map.of("USER_KEY", "JIRAUSER10001", "FROM_DATE", "2026-12-24", "TO_DATE", "2027-01-06"));
            absence.put("NOTE", null);
            create(AbsenceEntity.class, absence);
            absence.put("NOTE", "Urlaub 🏖 \"lang\"");
            create(AbsenceEntity.class, absence);
            Map<String, Object> change = new HashMap<>(Map.of("AUTHOR_KEY", "JIRAUSER10000", "CHANGED_AT", Timestamp.from(T2),
                    "OBJECT_TYPE", "grant", "OBJECT_ID", String.valueOf(first.getID()), "FIELD", "f".repeat(40), "AFTER_VALUE", UNLIMITED));
            change.put("DOMAIN_KEY", "ABCDEFGHIJ0123456789");
            change.put("BEFORE_VALUE", null);
            create(MatrixAuditEntity.class, change);
            change.put("OBJECT_TYPE", "absence");
            change.put("DOMAIN_KEY", null);
            change.put("BEFORE_VALUE", "x");
            change.put("AFTER_VALUE", null);
            create(MatrixAuditEntity.class, change);
            return null;
        });
    }

    private static Map<String, Object> decision(long issueId, Boolean byHand) {
        Map<String, Object> d = new HashMap<>(Map.of("ISSUE_ID", issueId, "ISSUE_KEY", "OPEN-" + issueId, "PROJECT_KEY", "OPEN",
                "ISSUE_NUMBER", issueId, "STATUS", "OPEN", "CREATED_AT", Timestamp.from(T1), "UPDATED_AT", Timestamp.from(T1), "VERSION", 0));
        for (String none : new String[]{"PROJECT_ID", "DRIVER_KEY", "APPROVER_KEY", "DUE_DATE", "REVIEW_DATE", "OUTCOME", "DOMAIN_KEY", "DECIDED_AT"}) {
            d.put(none, null);
        }
        d.put("DOMAIN_BY_HAND", byHand);
        return d;
    }

    /** The Confluence tables' rows. */
    void confluence() {
        ao.executeInTransaction(() -> {
            CharterEntity gone = create(CharterEntity.class, Map.of("TEAM_KEY", "GONE", "NAME", "Gone", "SPACE_KEY", "TEAM", "VERSION", 1, "WRITE_LOCK", 1));
            CharterEntity charter = create(CharterEntity.class, Map.of("TEAM_KEY", "ABCDEFGHIJ0123456789", "NAME", LONGEST, "SPACE_KEY", "ÉQUIPE",
                    "PURPOSE", UNLIMITED, "VERSION", 12, "WRITE_LOCK", 40));
            Map<String, Object> plain = new HashMap<>(Map.of("TEAM_KEY", "PLAIN", "NAME", "Plain", "SPACE_KEY", "TEAM", "VERSION", 1, "WRITE_LOCK", 1));
            plain.put("PURPOSE", null);
            create(CharterEntity.class, plain);
            ao.delete(gone);
            Map<String, Object> member = new HashMap<>(Map.of("CHARTER_ID", charter.getID(), "USER_KEY", "JIRAUSER10001", "POSITION", 0));
            member.put("MEMBER_ROLE", null);
            create(CharterMemberEntity.class, member);
            member.put("MEMBER_ROLE", LONGEST);
            member.put("POSITION", 1);
            create(CharterMemberEntity.class, member);
            create(CharterDomainEntity.class, Map.of("CHARTER_ID", charter.getID(), "DOMAIN_KEY", "ABCDEFGHIJ0123456789", "POSITION", 0));
            Map<String, Object> change = new HashMap<>(Map.of("AUTHOR_KEY", "JIRAUSER10000", "CHANGED_AT", Timestamp.from(T1),
                    "TEAM_KEY", "ABCDEFGHIJ0123456789", "FIELD", "purpose", "AFTER_VALUE", UNLIMITED));
            change.put("BEFORE_VALUE", null);
            create(CharterAuditEntity.class, change);
            return null;
        });
    }

    private <T extends Entity> T create(Class<T> type, Map<String, Object> values) {
        return ao.create(type, values);
    }
}
