package dev.spoke.destination;

import java.util.List;
import java.util.Set;

/**
 * Creates destinations of one type ({@code webhook}, {@code file}, {@code mailchimp}, ...). Found with
 * {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/dev.spoke.destination.DestinationFactory}. Must have a public no-argument constructor and
 * hold no state; the engine may call {@link #create} many times, from any thread.
 */
public interface DestinationFactory {

    /** The {@code type:} users write in spoke.yml. Lower case, stable forever. */
    String type();

    /** One line for {@code spoke schema} and the docs. */
    String description();

    /**
     * Options of a connection of this type in spoke.yml (besides {@code type}, {@code rate_limit} and
     * {@code delivery}, which every connection has). Secrets are declared {@link OptionSpec#secret()} and must come
     * from {@code env_var()}.
     */
    List<OptionSpec> connectionOptions();

    /** Options an export may set under {@code options:} in meta.destinations. Never secret: meta is not private. */
    List<OptionSpec> exportOptions();

    /** The modes this type supports; one that cannot delete leaves out {@link SyncMode#MIRROR}. */
    Set<SyncMode> supportedModes();

    /**
     * Builds a destination for one export. Options are already validated against the declared specs; a factory
     * checks only what specs cannot express (two options that exclude each other) and throws
     * {@link IllegalArgumentException} with a message naming the option and the fix.
     */
    Destination create(DestinationSpec spec, DestinationContext context);
}
