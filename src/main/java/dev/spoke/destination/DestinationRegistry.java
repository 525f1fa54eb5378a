package dev.spoke.destination;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The destination types on the class path, found with {@link ServiceLoader}, by type name. */
public final class DestinationRegistry {
    private final Map<String, DestinationFactory> factories;

    public DestinationRegistry(Collection<DestinationFactory> factories) {
        Map<String, DestinationFactory> byType = new TreeMap<>();
        for (DestinationFactory factory : factories) {
            DestinationFactory previous = byType.put(factory.type(), factory);
            if (previous != null) {
                throw new IllegalStateException("two destination factories declare type '" + factory.type() + "': "
                        + previous.getClass().getName() + " and " + factory.getClass().getName());
            }
        }
        this.factories = Collections.unmodifiableMap(byType);
    }

    /** Every factory listed in {@code META-INF/services/dev.spoke.destination.DestinationFactory}. */
    public static DestinationRegistry load() {
        return new DestinationRegistry(ServiceLoader.load(DestinationFactory.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList());
    }

    public Optional<DestinationFactory> find(String type) {
        return Optional.ofNullable(factories.get(type));
    }

    /** Factories sorted by type. */
    public Collection<DestinationFactory> all() {
        return factories.values();
    }

    public Collection<String> types() {
        return factories.keySet();
    }
}
