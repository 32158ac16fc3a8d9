package io.mandate.refhost.platform;

import com.atlassian.event.api.EventListener;
import com.atlassian.event.api.EventPublisher;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The host's event bus, as atlassian-event behaves for plugins: listeners register themselves, every
 * public one-argument method annotated {@link EventListener} receives the events its argument type
 * accepts, synchronously in the publishing thread; a listener that throws is logged and the other
 * listeners still get the event (the publisher never sees the failure).
 */
public final class RefEventPublisher implements EventPublisher {

    private static final Logger LOG = Logger.getLogger(RefEventPublisher.class.getName());

    private record Handler(Object listener, Method method, Class<?> eventType) {
    }

    private final List<Handler> handlers = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Object event) {
        if (event == null) {
            throw new NullPointerException("event");
        }
        for (Handler h : handlers) {
            if (!h.eventType().isInstance(event)) {
                continue;
            }
            try {
                h.method().invoke(h.listener(), event);
            } catch (InvocationTargetException e) {
                LOG.log(Level.SEVERE, "Listener " + h.listener().getClass().getName() + "." + h.method().getName()
                        + " failed on " + event.getClass().getName(), e.getCause());
            } catch (IllegalAccessException e) {
                LOG.log(Level.SEVERE, "Listener method not accessible: " + h.method(), e);
            }
        }
    }

    @Override
    public synchronized void register(Object listener) {
        if (listener == null) {
            throw new NullPointerException("listener");
        }
        if (handlers.stream().anyMatch(h -> h.listener() == listener)) {
            return;
        }
        List<Handler> found = new ArrayList<>();
        for (Method m : listener.getClass().getMethods()) {
            if (m.isAnnotationPresent(EventListener.class) && m.getParameterCount() == 1
                    && !Modifier.isStatic(m.getModifiers())) {
                found.add(new Handler(listener, m, m.getParameterTypes()[0]));
            }
        }
        if (found.isEmpty()) {
            // atlassian-event refuses a listener without listener methods
            throw new IllegalArgumentException("No @EventListener methods on " + listener.getClass().getName());
        }
        handlers.addAll(found);
    }

    @Override
    public synchronized void unregister(Object listener) {
        handlers.removeIf(h -> h.listener() == listener);
    }

    @Override
    public synchronized void unregisterAll() {
        handlers.clear();
    }

    /** How many listener objects are registered (for tests: a stopped plugin leaves none behind). */
    public int listenerCount() {
        return (int) handlers.stream().map(Handler::listener).distinct().count();
    }
}
