// Checked against Atlassian's atlassian-plugins-webresource-api source (decompiled, in the `code` corpus):
// `@ExperimentalApi public interface WebResourceAssembler { AssembledResources assembled(); RequiredResources resources();
// RequiredData data(); WebResourceAssembler copy(); }`. Declared: resources() only, the one member the plugin calls.
package com.atlassian.webresource.api.assembler;

/** Collects the resources and data one page (or response) requires. */
public interface WebResourceAssembler {

    RequiredResources resources();
}
