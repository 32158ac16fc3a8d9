package io.mandate.refhost.world;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The caches of one {@link World}, as Jira keeps users, groups, memberships, projects, permission schemes and issue
 * security levels in caches (Crowd's user and membership caches, {@code ProjectCache}, the permission scheme and
 * issue security caches) instead of reading them per call. Issues are not cached: Jira reads an issue from its
 * database (its issue cache lives for one request only).
 *
 * <p>Invalidation: every write of the world ({@link WorldChanges}, {@link World#renameUser}) clears all of them after
 * it committed, on this world and on every other world opened on the same database — the host's nodes of one cluster
 * (or two hosts on one PostgreSQL), as Jira's cluster cache invalidation reaches every node. A read that raced with a
 * write never stores what it read before the write ({@link #get}). Writes behind the world's back (plain SQL) are not
 * seen until {@link World#flushCaches()}, as in Jira.
 */
final class WorldCaches {

    /** Worlds by database (URL and schema): what one write invalidates. Weak, so a closed host's worlds go. */
    private static final Map<String, List<WeakReference<WorldCaches>>> PEERS = new ConcurrentHashMap<>();

    private final AtomicLong generation = new AtomicLong();
    private final List<Map<?, ?>> all = new CopyOnWriteArrayList<>();
    private final String database;

    WorldCaches(String database) {
        this.database = database;
        List<WeakReference<WorldCaches>> peers = PEERS.computeIfAbsent(database, d -> new CopyOnWriteArrayList<>());
        peers.removeIf(ref -> ref.get() == null);
        peers.add(new WeakReference<>(this));
    }

    /** A cache of this world: cleared with all the others. */
    <K, V> Map<K, V> cache() {
        Map<K, V> map = new ConcurrentHashMap<>();
        all.add(map);
        return map;
    }

    /**
     * The cached value, or {@code load}'s, which is kept unless the world changed while it was being read (then the
     * next read loads again).
     */
    <K, V> V get(Map<K, V> cache, K key, Supplier<V> load) {
        V cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        long before = generation.get();
        V loaded = load.get();
        cache.put(key, loaded);
        if (generation.get() != before) {
            cache.remove(key, loaded);
        }
        return loaded;
    }

    /** After a write committed: clears this world's caches and those of every world on the same database. */
    void invalidateEverywhere() {
        List<WeakReference<WorldCaches>> peers = PEERS.getOrDefault(database, List.of());
        List<WorldCaches> live = new ArrayList<>();
        for (WeakReference<WorldCaches> ref : peers) {
            WorldCaches peer = ref.get();
            if (peer != null) {
                live.add(peer);
            }
        }
        if (!live.contains(this)) {
            live.add(this);
        }
        live.forEach(WorldCaches::invalidate);
    }

    /** Clears this world's caches only. */
    void invalidate() {
        generation.incrementAndGet();
        all.forEach(Map::clear);
    }
}
