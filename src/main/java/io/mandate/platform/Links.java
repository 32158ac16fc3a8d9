package io.mandate.platform;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;

import javax.inject.Inject;
import javax.inject.Named;

/** Absolute links into the product, from its configured (canonical) base URL: what mail may contain. */
@Named
public class Links {

    private final ApplicationProperties applicationProperties;

    @Inject
    public Links(@ComponentImport ApplicationProperties applicationProperties) {
        this.applicationProperties = applicationProperties;
    }

    /** {@code <base URL>/browse/<KEY>}: the issue view. */
    public String issue(String issueKey) {
        String base = applicationProperties.getBaseUrl(UrlMode.CANONICAL);
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/browse/" + issueKey;
    }
}
