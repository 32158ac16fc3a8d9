package io.mandate.platform;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.message.LocaleResolver;
import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.timezone.TimeZoneManager;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.templaterenderer.TemplateRenderer;

import javax.inject.Inject;
import javax.inject.Named;

/**
 * Every host service the plugin imports in both products, in one place, so the host surface is
 * visible at a glance. Jira-only services are in {@link JiraHostComponents}.
 */
@Named
public class HostComponents {

    private final ActiveObjects activeObjects;
    private final TimeZoneManager timeZones;
    private final UserManager userManager;
    private final I18nResolver i18n;
    private final TemplateRenderer templateRenderer;
    private final LoginUriProvider loginUriProvider;
    private final ApplicationProperties applicationProperties;
    private final LocaleResolver localeResolver;

    @Inject
    public HostComponents(@ComponentImport ActiveObjects activeObjects,
                          @ComponentImport UserManager userManager,
                          @ComponentImport I18nResolver i18n,
                          @ComponentImport TemplateRenderer templateRenderer,
                          @ComponentImport LoginUriProvider loginUriProvider,
                          @ComponentImport ApplicationProperties applicationProperties,
                          @ComponentImport LocaleResolver localeResolver,
                          @ComponentImport TimeZoneManager timeZones) {
        this.activeObjects = activeObjects;
        this.timeZones = timeZones;
        this.userManager = userManager;
        this.i18n = i18n;
        this.templateRenderer = templateRenderer;
        this.loginUriProvider = loginUriProvider;
        this.applicationProperties = applicationProperties;
        this.localeResolver = localeResolver;
    }

    public ActiveObjects activeObjects() {
        return activeObjects;
    }

    public UserManager userManager() {
        return userManager;
    }

    public I18nResolver i18n() {
        return i18n;
    }

    public TemplateRenderer templateRenderer() {
        return templateRenderer;
    }

    public LoginUriProvider loginUriProvider() {
        return loginUriProvider;
    }

    public ApplicationProperties applicationProperties() {
        return applicationProperties;
    }

    public LocaleResolver localeResolver() {
        return localeResolver;
    }

    public TimeZoneManager timeZones() {
        return timeZones;
    }
}
