package io.mandate.platform;

/**
 * Announces what has happened, after it has committed, to whoever listens (the capabilities' own
 * reactions, and other plugins: the events go through the host's event bus). Listeners run in the
 * publishing thread; a failing listener never fails the change that was announced.
 */
public interface Events {

    /** Publishes an event about a change that has been committed. */
    void publish(Object event);
}
