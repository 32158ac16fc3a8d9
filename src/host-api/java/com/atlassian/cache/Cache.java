// Checked against https://docs.atlassian.com/atlassian-cache/2.11.0/apidocs/com/atlassian/cache/Cache.html
// (@PublicApi interface Cache<K,V>: get(K), remove(K), removeAll(), getName(), ...; null keys and values are not
// supported; "A Cache created using a CacheLoader will never return null"). Only the members the plugin calls.
package com.atlassian.cache;

/** A named cache; with a loader, {@link #get} loads a missing entry and never returns null. */
public interface Cache<K, V> {

    String getName();

    V get(K key);

    void remove(K key);

    void removeAll();
}
