package io.mandate.platform;

import com.atlassian.event.api.EventPublisher;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Base of the plugin's event listeners: registers the listener with the host's event bus when the
 * plugin starts and unregisters it when the plugin stops, so a disabled or upgraded plugin leaves no
 * listener behind (Atlassian's pattern for Spring Scanner plugins). Subclasses declare public
 * one-argument methods annotated {@code @com.atlassian.event.api.EventListener}.
 */
public abstract class EventSubscriber implements InitializingBean, DisposableBean {

    private final EventPublisher publisher;

    protected EventSubscriber(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public final void afterPropertiesSet() {
        publisher.register(this);
    }

    @Override
    public final void destroy() {
        publisher.unregister(this);
    }
}
