// Checked against https://docs.atlassian.com/atlassian-audit/1.12.1/apidocs/com/atlassian/audit/entity/CoverageLevel.html
// (enum constants BASE, ADVANCED, FULL, in that order) and Confluence's audit listeners in the code corpus
// (CoverageLevel.BASE). Declared: only BASE, the constant Mandate uses. "Off" is not a CoverageLevel: it is
// EffectiveCoverageLevel.OFF, an admin setting (not declared).
package com.atlassian.audit.entity;

/** How detailed an event is; an area's configured level decides whether the event is kept. */
public enum CoverageLevel {
    BASE
}
