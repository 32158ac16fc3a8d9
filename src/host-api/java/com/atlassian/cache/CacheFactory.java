// Checked against https://docs.atlassian.com/atlassian-cache/2.4.1/apidocs/com/atlassian/cache/class-use/CacheSettings.html
// (CacheFactory.getCache(String name, CacheLoader<K,V> loader, CacheSettings required)) and the 2.9.0 API docs.
package com.atlassian.cache;

/** Creates and returns named caches. */
public interface CacheFactory {

    /** The cache of that name, created with the loader and the settings if it does not exist yet. */
    <K, V> Cache<K, V> getCache(String name, CacheLoader<K, V> loader, CacheSettings required);
}
