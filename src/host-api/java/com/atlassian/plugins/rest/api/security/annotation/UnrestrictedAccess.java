// Checked against https://developer.atlassian.com/platform/marketplace/dc-apps-platform-7-preparing-for-secure-endpoints (names and semantics).
// unverified: @Target/@Retention; declared as TYPE+METHOD / RUNTIME (the servlet-side counterpart
// com.atlassian.confluence.impl.security.SystemAdminOnly is @Target({TYPE, METHOD, PACKAGE}) @Retention(RUNTIME)).
// Review 2026-11-24: the REST v1 counterpart (decompiled com.atlassian.plugins.rest.common.security.UnrestrictedAccess,
// code corpus) is also @Target({TYPE, METHOD, PACKAGE}) @Retention(RUNTIME). TYPE+METHOD is a subset of that, so any use
// that compiles here also compiles against such a real declaration; the v2 source itself was not found.
package com.atlassian.plugins.rest.api.security.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Permits completely unrestricted access to a REST resource, including unauthenticated requests. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface UnrestrictedAccess {
}
