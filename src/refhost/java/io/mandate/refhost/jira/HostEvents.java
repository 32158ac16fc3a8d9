package io.mandate.refhost.jira;

import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The events Jira fires for changes made in the host's world ({@code IssueEvent}, {@code ProjectDeletedEvent},
 * {@code ProjectUpdatedEvent}), in the order they were fired. Each is recorded here so tests can assert on what
 * was fired; once the host has Jira's {@code EventPublisher}, the same events are handed to it for the plugin's
 * listeners. Bounded, so a long-running host does not grow without limit; never read by the plugin.
 */
public final class HostEvents {

    private static final int KEPT = 1000;

    private final Deque<Object> fired = new ConcurrentLinkedDeque<>();

    /** Fires an event: after the change it describes has been committed, as Jira does. */
    public void fire(Object event) {
        fired.addLast(event);
        while (fired.size() > KEPT) {
            fired.pollFirst();
        }
    }

    /** The events fired so far, oldest first. */
    public List<Object> fired() {
        return List.copyOf(fired);
    }
}
