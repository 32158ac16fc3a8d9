// Checked against https://docs.atlassian.com/atlassian-cache/2.0.7/apidocs/com/atlassian/cache/CacheLoader.html
// (@PublicSpi interface CacheLoader<K,V>, one method: @NotNull V load(@NotNull K key) — "a non-null value; if null
// values are possible ... declare the loader's value type to be a wrapper type"). The plugin implements it, so this
// is the complete list of abstract members.
package com.atlassian.cache;

/** Populates a cache on a miss; must not return null. */
public interface CacheLoader<K, V> {

    V load(K key);
}
