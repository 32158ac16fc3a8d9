package io.mandate.refhost.platform;

import com.atlassian.event.api.EventListener;
import org.junit.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

/** The host's event bus delivers by argument type, isolates failing listeners and forgets unregistered ones. */
public class RefEventPublisherTest {

    public static final class Recorder {
        final List<Object> seen = new ArrayList<>();

        @EventListener
        public void onCharSequence(CharSequence event) {
            seen.add(event);
        }
    }

    public static final class Failing {
        @EventListener
        public void onAnything(Object event) {
            throw new IllegalStateException("listener bug");
        }
    }

    @Test
    public void anEventReachesTheListenersWhoseArgumentTypeAcceptsIt() {
        RefEventPublisher bus = new RefEventPublisher();
        Recorder recorder = new Recorder();
        bus.register(recorder);
        bus.publish("a string");
        bus.publish(42);
        assertEquals(List.of("a string"), recorder.seen);
    }

    @Test
    public void aFailingListenerDoesNotStopTheOthersNorThePublisher() {
        RefEventPublisher bus = new RefEventPublisher();
        Recorder recorder = new Recorder();
        bus.register(new Failing());
        bus.register(recorder);
        bus.publish("x");
        assertEquals(List.of("x"), recorder.seen);
    }

    @Test
    public void anUnregisteredListenerHearsNothing() {
        RefEventPublisher bus = new RefEventPublisher();
        Recorder recorder = new Recorder();
        bus.register(recorder);
        bus.unregister(recorder);
        bus.publish("x");
        assertEquals(List.of(), recorder.seen);
        assertEquals(0, bus.listenerCount());
    }

    @Test
    public void aListenerWithoutListenerMethodsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RefEventPublisher().register(new Object()));
    }
}
