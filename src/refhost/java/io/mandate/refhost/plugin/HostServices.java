package io.mandate.refhost.plugin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The services one product of the host offers to plugins, by the interface they are imported as. */
public final class HostServices {

    private final Map<Class<?>, Object> services = new LinkedHashMap<>();

    public <T> HostServices add(Class<T> type, T implementation) {
        services.put(type, implementation);
        return this;
    }

    public Optional<Object> find(String typeName) {
        return services.entrySet().stream().filter(e -> e.getKey().getName().equals(typeName))
                .map(Map.Entry::getValue).findFirst();
    }

    public <T> T get(Class<T> type) {
        Object service = services.get(type);
        if (service == null) {
            throw new IllegalStateException("No host service " + type.getName());
        }
        return type.cast(service);
    }
}
