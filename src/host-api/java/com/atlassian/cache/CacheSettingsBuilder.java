// Checked against https://docs.atlassian.com/atlassian-cache-api/2.9.0/atlassian-cache-api/apidocs/com/atlassian/cache/CacheSettingsBuilder.html
// (@PublicApi class with a public no-argument constructor; expireAfterWrite(long, TimeUnit), maxEntries(int),
// remote(), local(), replicateViaCopy(), replicateViaInvalidation(), build()) and the 2.4.4 source (xref), whose
// build() passes the collected values to an immutable settings object. A faithful value class (host-api rule 3).
package com.atlassian.cache;

import java.util.concurrent.TimeUnit;

/** Builds {@link CacheSettings}. */
public class CacheSettingsBuilder {

    private Long expireAfterWrite;
    private Integer maxEntries;
    private Boolean local;
    private Boolean replicateViaCopy;

    public CacheSettingsBuilder() {
    }

    public CacheSettingsBuilder expireAfterWrite(long expireAfter, TimeUnit timeUnit) {
        this.expireAfterWrite = timeUnit.toMillis(expireAfter);
        return this;
    }

    public CacheSettingsBuilder maxEntries(int maxEntries) {
        this.maxEntries = maxEntries;
        return this;
    }

    /** Clustered in a clustered deployment. */
    public CacheSettingsBuilder remote() {
        this.local = false;
        return this;
    }

    /** Local to the node (JVM) where the cache is created. */
    public CacheSettingsBuilder local() {
        this.local = true;
        return this;
    }

    /** Replicated caches send the new value to the other nodes. */
    public CacheSettingsBuilder replicateViaCopy() {
        this.replicateViaCopy = true;
        return this;
    }

    /** Replicated caches only tell the other nodes to drop the entry (values need not be serialisable). */
    public CacheSettingsBuilder replicateViaInvalidation() {
        this.replicateViaCopy = false;
        return this;
    }

    public CacheSettings build() {
        Long expire = expireAfterWrite;
        Integer max = maxEntries;
        Boolean isLocal = local;
        Boolean viaCopy = replicateViaCopy;
        return new CacheSettings() {
            @Override
            public Long getExpireAfterWrite() {
                return expire;
            }

            @Override
            public Integer getMaxEntries() {
                return max;
            }

            @Override
            public Boolean getLocal() {
                return isLocal;
            }

            @Override
            public Boolean getReplicateViaCopy() {
                return viaCopy;
            }
        };
    }
}
