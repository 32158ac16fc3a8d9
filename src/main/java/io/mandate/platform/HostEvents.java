package io.mandate.platform;

import com.atlassian.event.api.EventPublisher;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;

import javax.inject.Inject;
import javax.inject.Named;

/** {@link Events} over the host's {@link EventPublisher}. */
@Named
public class HostEvents implements Events {

    private final EventPublisher publisher;

    @Inject
    public HostEvents(@ComponentImport EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(Object event) {
        publisher.publish(event);
    }
}
