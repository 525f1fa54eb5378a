package dev.spoke.config;

import dev.spoke.destination.Destination;
import dev.spoke.destination.DestinationContext;
import dev.spoke.destination.DestinationFactory;
import dev.spoke.destination.DestinationSpec;
import dev.spoke.destination.OptionSpec;
import dev.spoke.destination.SyncMode;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A CRM-like destination type for config tests: a secret api_key, a required list_id, and no mirror (no deletes). */
final class FakeCrmFactory implements DestinationFactory {
    @Override
    public String type() {
        return "fakecrm";
    }

    @Override
    public String description() {
        return "A fake CRM audience";
    }

    @Override
    public List<OptionSpec> connectionOptions() {
        return List.of(
                OptionSpec.string("api_key").required().asSecret().describedAs("The CRM API key"),
                OptionSpec.string("region").withDefault("us1").describedAs("The CRM data centre"));
    }

    @Override
    public List<OptionSpec> exportOptions() {
        return List.of(
                OptionSpec.string("list_id").required().describedAs("The audience to add members to"),
                OptionSpec.integer("batch_size").between(1, 500).withDefault(100L).describedAs("Members per request"),
                OptionSpec.bool("double_opt_in").withDefault(false).describedAs("Ask members to confirm"),
                OptionSpec.oneOf("status", "subscribed", "pending").withDefault("subscribed")
                        .describedAs("The status of new members"));
    }

    @Override
    public Set<SyncMode> supportedModes() {
        return EnumSet.of(SyncMode.UPSERT, SyncMode.UPDATE, SyncMode.INSERT, SyncMode.APPEND);
    }

    @Override
    public Destination create(DestinationSpec spec, DestinationContext context) {
        throw new UnsupportedOperationException("config tests bind exports; they never create destinations");
    }
}
