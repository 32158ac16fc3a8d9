// Checked against the atlassian-event 2.x source of com.atlassian.event.api.EventPublisher (code corpus:
// "package com.atlassian.event.api; ... public interface EventPublisher", @since 2.0) and its implementations in
// Jira's embedded-crowd NoOpEventPublisher and public plugins (publish, register, unregister, unregisterAll).
// Platform 7 still ships com.atlassian.event.api (atlassian-event 5.x); the members used here are unchanged.
package com.atlassian.event.api;

/**
 * The host's event bus. Listeners are objects with public methods annotated {@link EventListener}
 * taking one argument; an event reaches every listener method whose argument type it is assignable to.
 */
public interface EventPublisher {

    /** Dispatches the event to every registered listener (synchronously unless the event asks otherwise). */
    void publish(Object event);

    /** Registers the listener's {@link EventListener} methods; registering twice has no further effect. */
    void register(Object listener);

    void unregister(Object listener);

    void unregisterAll();
}
