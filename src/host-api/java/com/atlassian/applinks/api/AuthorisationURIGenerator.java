// Checked against https://docs.atlassian.com/applinks-api/3.2/com/atlassian/applinks/api/ApplicationLinkRequestFactory.html
// ("Methods inherited from interface AuthorisationURIGenerator: getAuthorisationURI, getAuthorisationURI") and the
// applinks-api source (code corpus: "public interface AuthorisationURIGenerator", URI getAuthorisationURI(URI callback),
// URI getAuthorisationURI(); both may return null).
package com.atlassian.applinks.api;

import java.net.URI;

/** Gives the page where the current user authorises a link to act for them (the OAuth "dance"). */
public interface AuthorisationURIGenerator {

    /** The authorisation page, which returns the user to {@code callback} afterwards; may be null. */
    URI getAuthorisationURI(URI callback);

    /** The authorisation page; may be null. */
    URI getAuthorisationURI();
}
