// Checked against Atlassian's atlassian-plugins-webresource-api source (decompiled, in the `code` corpus):
// `@ExperimentalApi public interface PageBuilderService { WebResourceAssembler assembler(); void seed(WebResourceAssembler); }`,
// and against its use in Atlassian's own Platform 7 plugin (atlassian-labs/atlassian-slack-integration-server, branch
// release-2.x, platform 7.3.9): a plugin servlet calls `pageBuilderService.assembler().resources().requireContext(..)`
// before rendering its page (SlackRepoSettingsServlet); Jira web actions and Confluence macros call
// `.requireWebResource("pluginKey:moduleKey")` the same way. The service is imported (@ComponentImport) in both
// products. Declared: assembler() only (seed(..) is for the product's decorator, not for plugins).
// @ExperimentalApi omitted (com.atlassian.annotations is not declared here).
package com.atlassian.webresource.api.assembler;

/**
 * The Web Resource Manager's assembler for the page being rendered in the current request: what a
 * plugin requires through it is written into that page's {@code <head>} by the product's decorator.
 */
public interface PageBuilderService {

    WebResourceAssembler assembler();
}
