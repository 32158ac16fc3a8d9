// Checked against https://docs.atlassian.com/atlassian-cache/2.0.2/apidocs/com/atlassian/cache/CacheSettings.html
// (@PublicApi interface CacheSettings, "an immutable representation of settings for a Cache"; getters return null
// for "not specified"). Only the getters the reference host reads are declared; the plugin only builds settings.
package com.atlassian.cache;

/** Immutable cache settings, made by {@link CacheSettingsBuilder}; null means "not specified". */
public interface CacheSettings {

    Long getExpireAfterWrite();

    Integer getMaxEntries();

    Boolean getLocal();

    Boolean getReplicateViaCopy();
}
