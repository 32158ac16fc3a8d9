// Checked against https://docs.atlassian.com/applinks-api/3.2/com/atlassian/applinks/api/CredentialsRequiredException.html
// (extends Exception implements AuthorisationURIGenerator; constructor (AuthorisationURIGenerator, String);
// getAuthorisationURI(), getAuthorisationURI(URI)) and the applinks-api source (code corpus), which delegates both
// methods to the generator it was given.
package com.atlassian.applinks.api;

import java.net.URI;

/** Thrown when a link has no credentials for the current user: they must authorise it at the given URI first. */
public class CredentialsRequiredException extends Exception implements AuthorisationURIGenerator {

    private final AuthorisationURIGenerator authorisationURIGenerator;

    public CredentialsRequiredException(AuthorisationURIGenerator authorisationURIGenerator, String message) {
        super(message);
        this.authorisationURIGenerator = authorisationURIGenerator;
    }

    @Override
    public URI getAuthorisationURI(URI callback) {
        return authorisationURIGenerator.getAuthorisationURI(callback);
    }

    @Override
    public URI getAuthorisationURI() {
        return authorisationURIGenerator.getAuthorisationURI();
    }
}
