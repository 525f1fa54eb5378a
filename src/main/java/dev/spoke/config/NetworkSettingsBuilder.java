package dev.spoke.config;

import dev.spoke.network.AddressPolicy;

/** Collects the {@code network:} keys of spoke.yml, starting from the default policy. */
final class NetworkSettingsBuilder {
    boolean denyPrivate = AddressPolicy.DEFAULT.denyPrivate();

    AddressPolicy build() {
        return new AddressPolicy(denyPrivate);
    }
}
