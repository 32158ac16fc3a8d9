/**
 * Accountability analytics (product brief, "Accountability metrics"): how the decisions of a scope are owned and
 * how authority over them is spread. This layer is pure — no database, no host: the caller streams the scope's
 * {@link io.mandate.accountability.DecisionFacts} (only those the caller may browse) into an
 * {@link io.mandate.accountability.AccountabilityAccumulator} and passes the {@link io.mandate.accountability.DomainCoverage}
 * of the scope's domains as of today; the result is an {@link io.mandate.accountability.AccountabilityReport} in the
 * shape of the REST contract. People are usernames (the names the report shows and the bus factor's ties compare);
 * the caller maps user keys to names once per person. Decisions taken here are in docs/design/accountability.md.
 *
 * <p>This package may depend on decision, authority and platform; nothing depends on it.
 */
package io.mandate.accountability;
