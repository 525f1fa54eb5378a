package dev.spoke.destination;

import java.nio.file.Path;
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
     * Checks what {@link #create} would check in {@code spec} beyond the declared option specs (URL schemes and
     * hosts, option formats, paths, options that exclude each other), without opening, resolving or sending anything.
     * {@code spoke validate --offline} calls it, so the pull-request gate refuses what a sync would refuse: it must run
     * the same code as {@code create} (call the same settings resolver from both), never a copy of it.
     *
     * @param projectDir the dbt project directory, against which relative paths resolve
     * @throws IllegalArgumentException with a message naming the option and the fix; an
     *     {@link InvalidOptionException} also says which option and on which side, so validate reports it at the key
     *     the user edits
     */
    default void check(DestinationSpec spec, Path projectDir) {
    }

    /**
     * Builds a destination for one export. Options are already validated against the declared specs; a factory
     * checks only what specs cannot express (two options that exclude each other) and throws
     * {@link IllegalArgumentException} (preferably an {@link InvalidOptionException}) with a message naming the option
     * and the fix. URLs declared {@link OptionSpec#url} need no check here: their scheme, credentials and host are
     * checked from the declaration, and the HTTP client in the context refuses addresses the network policy refuses.
     */
    Destination create(DestinationSpec spec, DestinationContext context);
}
