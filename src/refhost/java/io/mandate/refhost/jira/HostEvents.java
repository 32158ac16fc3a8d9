package io.mandate.refhost.jira;

import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;

/**
 * The events Jira fires for changes made in the host's world ({@code IssueEvent}, {@code ProjectDeletedEvent},
 * {@code ProjectUpdatedEvent}), in the order they were fired: each is handed to the host's {@code EventPublisher}
 * for the plugin's listeners, and recorded here so tests can assert on what was fired. The record is bounded, so
 * a long-running host does not grow without limit; the plugin never reads it.
 */
public final class HostEvents {

    private static final int KEPT = 1000;

    private final Deque<Object> fired = new ConcurrentLinkedDeque<>();
    private final Consumer<Object> publisher;

    /** @param publisher the host's event publisher ({@code EventPublisher::publish}) */
    public HostEvents(Consumer<Object> publisher) {
        this.publisher = publisher;
    }

    /** Fires an event: after the change it describes has been committed, as Jira does. */
    public void fire(Object event) {
        fired.addLast(event);
        publisher.accept(event);
        while (fired.size() > KEPT) {
            fired.pollFirst();
        }
    }

    /** The events fired so far, oldest first. */
    public List<Object> fired() {
        return List.copyOf(fired);
    }
}
