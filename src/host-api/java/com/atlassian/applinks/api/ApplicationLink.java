// Checked against https://docs.atlassian.com/applinks-api/latest/com/atlassian/applinks/api/ApplicationLink.html
// (createAuthenticatedRequestFactory() → ApplicationLinkRequestFactory) and a decompiled Applinks of the Platform 7
// era (code corpus: "@PublicApi public interface ReadOnlyApplicationLink", which there declares the same
// createAuthenticatedRequestFactory() that ApplicationLink inherits). Declaring it here on ApplicationLink compiles
// to the same call (the JVM resolves an interface method through superinterfaces). getDisplayUrl() → java.net.URI is
// in the same method table (also inherited from ReadOnlyApplicationLink in Platform 7's Applinks). Not declared:
// getId, getType, getName, getRpcUrl, isPrimary, isSystem, the other request factories, PropertySet — unused.
package com.atlassian.applinks.api;

/** A link from this product to another application (Jira, Confluence, …), configured by an administrator. */
public interface ApplicationLink {

    /**
     * A request factory that authenticates with the link's configured provider, as the current user when the
     * provider impersonates (OAuth with impersonation, OAuth 2.0).
     */
    ApplicationLinkRequestFactory createAuthenticatedRequestFactory();

    /** Where users open the linked application in their browser. */
    java.net.URI getDisplayUrl();
}
