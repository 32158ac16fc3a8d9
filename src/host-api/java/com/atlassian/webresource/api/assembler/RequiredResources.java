// Checked against Atlassian's atlassian-plugins-webresource-api source (decompiled, in the `code` corpus; the
// WRM 5.x+ form with ResourcePhase overloads): `@Nonnull RequiredResources requireWebResource(@Nonnull String)`,
// `@Nonnull RequiredResources requireContext(@Nonnull String)` — both return the same RequiredResources for chaining
// (public plugins chain `.requireWebResource(a).requireWebResource(b)`). Declared: those two only (not the
// ResourcePhase overloads, requireModule, requirePage, exclude, excludeSuperbatch, requireSuperbatch).
// @Nonnull omitted (no JSR-305 here).
package com.atlassian.webresource.api.assembler;

/** What a page requires: web-resource modules by complete key, or whole web-resource contexts. */
public interface RequiredResources {

    /** Requires one web-resource module ({@code pluginKey:moduleKey}) and, through it, its dependencies. */
    RequiredResources requireWebResource(String moduleCompleteKey);

    /** Requires every web-resource module that names this context. */
    RequiredResources requireContext(String context);
}
