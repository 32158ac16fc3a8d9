// Checked against https://docs.atlassian.com/atlassian-confluence/5.5.1/com/atlassian/confluence/content/render/xhtml/ConversionContext.html
// (String getOutputType()). getEntity() is not declared: it returns ContentEntityObject, which is not declared here.
// unverified: Confluence 9 page itself not retrieved.
package com.atlassian.confluence.content.render.xhtml;

/** The context a Confluence macro is rendered in (output type, page, space, properties). */
public interface ConversionContext {
    String getOutputType();
}
