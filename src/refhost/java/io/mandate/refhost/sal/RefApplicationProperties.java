package io.mandate.refhost.sal;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;

/**
 * SAL's application properties of one product: its base URL. The host learns its port only once
 * Jetty listens (tests use a free port), so {@link io.mandate.refhost.RefHost} sets it then.
 */
public final class RefApplicationProperties implements ApplicationProperties {

    private final String contextPath;
    private volatile String baseUrl;

    public RefApplicationProperties(String contextPath) {
        this.contextPath = contextPath;
    }

    /** The absolute base URL, e.g. {@code http://localhost:2990/jira}. */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public String getBaseUrl(UrlMode urlMode) {
        if (urlMode == UrlMode.RELATIVE || urlMode == UrlMode.RELATIVE_CANONICAL) {
            return contextPath;
        }
        if (baseUrl == null) {
            throw new IllegalStateException("The base URL of " + contextPath + " is known once the host listens");
        }
        return baseUrl;
    }
}
