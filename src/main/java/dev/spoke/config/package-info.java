/**
 * Turns what users write into validated exports: {@code spoke.yml} (connections, state settings), the
 * {@code meta.destinations} entries of each model, and the JSON Schema they are checked against (printed by
 * {@code spoke schema}). Owns secrets ({@link dev.spoke.config.Secret}) and the rendering of dbt's
 * {@code env_var()} ({@link dev.spoke.config.TemplateRenderer}).
 *
 * <p>Entry points: {@link dev.spoke.config.SpokeConfigReader#read} (spoke.yml),
 * {@link dev.spoke.config.ExportBinder#discover} (manifest + spoke.yml → exports and problems),
 * {@link dev.spoke.config.DestinationsSchema#generate} (the schema), {@link dev.spoke.config.ConnectionOptions}
 * (a connection's validated options, for building a destination) and {@link dev.spoke.config.ProblemReport} (problems
 * for a console). spoke.yml's settings are declared as data in {@link dev.spoke.config.SpokeYmlSettings}.
 *
 * <p>Validation reports every problem at once, each naming the model, its properties file and the key
 * ({@link dev.spoke.config.Problem}), and includes each destination type's own checks
 * ({@link dev.spoke.destination.DestinationFactory#check}) and the network policy on URL hosts as written
 * ({@code dev.spoke.network}), so that validate refuses what a sync would. Must not open warehouse connections,
 * resolve names or send anything.
 */
package dev.spoke.config;
