package io.mandate.authority;

import java.time.Instant;

/**
 * One field of one change to the matrix or to an absence, as the matrix's own audit trail keeps it.
 *
 * @param objectType domain, grant or absence
 * @param objectId   the domain key, grant id or absence id
 * @param domainKey  the domain the change belongs to; null for an absence
 */
public record MatrixChange(String authorKey, Instant changedAt, String objectType, String objectId, String domainKey,
                           String field, String before, String after) {
}
