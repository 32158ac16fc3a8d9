// Checked against https://developer.atlassian.com/platform/marketplace/dc-apps-platform-7-preparing-for-secure-endpoints (names and semantics).
// unverified: @Target/@Retention; declared as TYPE+METHOD / RUNTIME (the servlet-side counterpart
// com.atlassian.confluence.impl.security.SystemAdminOnly is @Target({TYPE, METHOD, PACKAGE}) @Retention(RUNTIME)).
package com.atlassian.plugins.rest.api.security.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Permits access to a REST resource only to users with a product licence (the REST v2 default). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface LicensedOnly {
}
