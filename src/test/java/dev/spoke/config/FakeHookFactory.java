package dev.spoke.config;

import dev.spoke.destination.Destination;
import dev.spoke.destination.DestinationContext;
import dev.spoke.destination.DestinationFactory;
import dev.spoke.destination.DestinationRegistry;
import dev.spoke.destination.DestinationSpec;
import dev.spoke.destination.OptionSpec;
import dev.spoke.destination.SyncMode;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A webhook-like destination type for config tests: every mode, a url, an optional signing secret. */
final class FakeHookFactory implements DestinationFactory {
    /** fakecrm and fakehook. */
    static DestinationRegistry registry() {
        return new DestinationRegistry(List.of(new FakeCrmFactory(), new FakeHookFactory()));
    }

    @Override
    public String type() {
        return "fakehook";
    }

    @Override
    public String description() {
        return "A fake webhook";
    }

    @Override
    public List<OptionSpec> connectionOptions() {
        return List.of(
                OptionSpec.string("url").required().describedAs("Where rows are POSTed"),
                OptionSpec.string("signing_secret").asSecret().describedAs("Signs each request"),
                OptionSpec.stringMap("headers").describedAs("Extra request headers"));
    }

    @Override
    public List<OptionSpec> exportOptions() {
        return List.of(
                OptionSpec.string("event_name").describedAs("The event name sent with each row"),
                OptionSpec.duration("timeout").withDefault(Duration.ofSeconds(30)).describedAs("Request timeout"),
                OptionSpec.stringList("tags").describedAs("Tags sent with each row"));
    }

    @Override
    public Set<SyncMode> supportedModes() {
        return EnumSet.allOf(SyncMode.class);
    }

    @Override
    public Destination create(DestinationSpec spec, DestinationContext context) {
        throw new UnsupportedOperationException("config tests bind exports; they never create destinations");
    }
}
