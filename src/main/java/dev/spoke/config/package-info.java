/**
 * Turns what users write into validated exports: {@code spoke.yml} (connections, state settings), the
 * {@code meta.destinations} entries of each model, and the JSON Schema they are checked against (printed by
 * {@code spoke schema}). Owns secrets ({@link dev.spoke.config.Secret}) and the rendering of dbt's
 * {@code env_var()} ({@link dev.spoke.config.TemplateRenderer}).
 *
 * <p>Validation reports every problem at once, each naming the model, its properties file and the key
 * ({@link dev.spoke.config.Problem}). Must not open warehouse connections or send anything.
 */
package dev.spoke.config;
