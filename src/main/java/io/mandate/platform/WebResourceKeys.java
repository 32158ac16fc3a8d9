package io.mandate.platform;

/**
 * The complete keys ({@code pluginKey:moduleKey}) of the plugin's web-resource modules that its own pages require
 * through the Web Resource Manager's {@code PageBuilderService}. The plugin key is {@code ${atlassian.plugin.key}}
 * of atlassian-plugin.xml, i.e. the pom's groupId.artifactId; {@code WebResourceKeysTest} checks every key here
 * against the descriptor and the pom.
 */
public final class WebResourceKeys {

    /** The plugin's key (pom.xml: {@code atlassian.plugin.key} = groupId.artifactId). */
    public static final String PLUGIN = "io.mandate.mandate";

    /** mandate.css: the styles of every Mandate page and panel. */
    public static final String STYLES = PLUGIN + ":mandate-resources";

    /** matrix-admin.js: the dialogs of the authority matrix page. */
    public static final String MATRIX_ADMIN = PLUGIN + ":matrix-admin";

    /** charter-editor.js: the team charter editor in Confluence (member rows, saving through the REST API). */
    public static final String CHARTER_EDITOR = PLUGIN + ":charter-editor";

    private WebResourceKeys() {
    }
}
