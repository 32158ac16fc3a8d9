package io.mandate.decision;

import io.mandate.decision.DecisionJson.UserJson;

/** One audit entry in output. */
public record AuditEntryJson(String issueKey, UserJson author, String at, String field, String before, String after) {
}
