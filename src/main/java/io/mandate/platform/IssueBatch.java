package io.mandate.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.ToLongFunction;

/**
 * Judges the issues of a stream of items (decisions read by a streamed statement) in bulk: the items are held until
 * {@link #SIZE} have come, then their issues are looked up with one {@link IssueAccess#browsableByIds} call and each
 * item whose issue the user may browse is handed on with it, in the order the items came. A report over 100,000
 * decisions asks the host 100 times instead of 100,000, and holds at most {@link #SIZE} items. For one request (or
 * one job run) only; call {@link #finish} after the last item.
 *
 * @param <T> what is streamed (a decision)
 */
public final class IssueBatch<T> {

    /** How many items are held before their issues are judged in one call. */
    public static final int SIZE = 1000;

    private final IssueAccess issues;
    private final Optional<Person> user;
    private final ToLongFunction<T> issueId;
    private final BiConsumer<T, IssueRef> visible;
    private final List<T> held = new ArrayList<>();

    /**
     * @param user    whose view counts (empty = anonymous)
     * @param issueId the issue id of an item
     * @param visible called with each item whose issue the user may browse, and that issue as it is now
     */
    public IssueBatch(IssueAccess issues, Optional<Person> user, ToLongFunction<T> issueId, BiConsumer<T, IssueRef> visible) {
        this.issues = issues;
        this.user = user;
        this.issueId = issueId;
        this.visible = visible;
    }

    public void add(T item) {
        held.add(item);
        if (held.size() >= SIZE) {
            flush();
        }
    }

    /** Judges what is still held; call once after the last item. */
    public void finish() {
        if (!held.isEmpty()) {
            flush();
        }
    }

    private void flush() {
        Map<Long, IssueRef> found = issues.browsableByIds(held.stream().map(issueId::applyAsLong).distinct().toList(), user);
        for (T item : held) {
            IssueRef issue = found.get(issueId.applyAsLong(item));
            if (issue != null) {
                visible.accept(item, issue);
            }
        }
        held.clear();
    }
}
