// Checked against https://docs.atlassian.com/atlassian-cache-api/2.9.0/atlassian-cache-api/apidocs/ (CacheManager
// extends CacheFactory; CacheFactory#getCache(String name, CacheLoader<K,V> loader, CacheSettings required): "Returns
// the cache with the given name, loader and required cache settings, creates it if necessary"). Jira 10 and
// Confluence 9 export com.atlassian.cache (atlassian-cache 5.x/6.x); only the member the plugin calls is declared.
package com.atlassian.cache;

/** The host's cache service: named caches, clustered (replicated by invalidation) where the settings ask for it. */
public interface CacheManager extends CacheFactory {
}
