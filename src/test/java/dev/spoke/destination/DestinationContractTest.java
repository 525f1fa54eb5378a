package dev.spoke.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The SPI rules every destination must keep, as tests. A destination's test class extends this, says how to build a
 * working destination against its fake (options, context, how to make the fake accept a write) and inherits the
 * checks: it is registered with ServiceLoader; its options are declared as data (snake_case, described, export
 * options never secret, required options without defaults); validation reports each missing required option and
 * unknown ones by name, and {@code create()} refuses options missing a required one; {@code check()} accepts what
 * {@code create()} accepts; limits are at least 1; every
 * row of a written batch gets exactly one outcome (or is covered by a job), under the batch's own keys, in every
 * supported mode and with composite keys; {@code close()} is idempotent.
 */
public abstract class DestinationContractTest {
    /** Keys every connection has besides the type's own options (see {@link DestinationFactory#connectionOptions}). */
    protected static final List<String> COMMON_CONNECTION_KEYS = List.of("type", "rate_limit", "delivery");
    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9_]*");

    /** The factory under test. */
    protected abstract DestinationFactory factory();

    /** Connection options as read from spoke.yml (env_var() already rendered) for a destination that works here. */
    protected abstract Map<String, Object> validConnectionOptions();

    /** The runtime services, pointing at the test's fakes. */
    protected abstract DestinationContext context();

    /** Export options for a working destination; none by default. */
    protected Map<String, Object> validExportOptions() {
        return Map.of();
    }

    /** Makes the fake accept the next write of {@code batch} (e.g. enqueue a 200); nothing by default. */
    protected void expectWriteAccepted(RowBatch batch) {
    }

    /** An export of model {@code customers} to connection {@code target} in {@code mode}. */
    protected static ExportDescriptor export(SyncMode mode, String... keyColumns) {
        return RowBatchBuilder.export("customers", "target", mode, keyColumns);
    }

    /** Validates the options as the config layer does (failing the test if they are invalid) and creates. */
    protected final Destination create(ExportDescriptor export, Map<String, ?> connection, Map<String, ?> exportOptions) {
        OptionValidator.Result connectionResult =
                OptionValidator.validate(factory().connectionOptions(), connection, COMMON_CONNECTION_KEYS);
        OptionValidator.Result exportResult = OptionValidator.validate(factory().exportOptions(), exportOptions, List.of());
        assertThat(connectionResult.problems()).as("connection option problems").isEmpty();
        assertThat(exportResult.problems()).as("export option problems").isEmpty();
        return factory().create(new DestinationSpec(export.connectionName(), connectionResult.options(),
                exportResult.options(), export), context());
    }

    protected final Destination create(ExportDescriptor export) {
        return create(export, validConnectionOptions(), validExportOptions());
    }

    /** Every row of the batch has exactly one outcome or is covered by the job, and nothing else is reported. */
    public static void assertReportsOnEveryRow(RowBatch batch, WriteResult result) {
        Set<RowKey> covered = new HashSet<>(result.outcomes().keySet());
        result.job().ifPresent(job -> job.keys().forEach(key ->
                assertThat(covered.add(key)).as("row %s has an outcome and is also covered by the job", key).isTrue()));
        assertThat(covered).as("rows reported on").containsExactlyInAnyOrderElementsOf(batch.keys());
    }

    @Test
    void isRegisteredWithServiceLoader() {
        assertThat(ServiceLoader.load(DestinationFactory.class).stream().map(ServiceLoader.Provider::type))
                .contains(factory().getClass());
        assertThat(DestinationRegistry.load().find(factory().type())).get().isInstanceOf(factory().getClass());
    }

    @Test
    void describesItself() {
        assertThat(factory().type()).matches(SNAKE_CASE);
        assertThat(factory().description()).isNotBlank();
        assertThat(factory().supportedModes()).isNotEmpty();
    }

    @Test
    void declaresOptionsAsData() {
        for (List<OptionSpec> specs : List.of(factory().connectionOptions(), factory().exportOptions())) {
            Set<String> names = new HashSet<>();
            for (OptionSpec spec : specs) {
                assertThat(spec.name()).matches(SNAKE_CASE).isNotIn(COMMON_CONNECTION_KEYS);
                assertThat(names.add(spec.name())).as("option %s declared twice", spec.name()).isTrue();
                assertThat(spec.description()).as("description of %s", spec.name()).isNotBlank();
                assertThat(spec.isRequired() && spec.defaultValue() != null)
                        .as("required option %s has a default", spec.name()).isFalse();
                if (spec.secret()) {
                    assertThat(spec.type()).as("secret %s", spec.name())
                            .isIn(OptionType.STRING, OptionType.URL, OptionType.STRING_MAP);
                }
            }
        }
        assertThat(factory().exportOptions()).as("export options are never secret").noneMatch(OptionSpec::secret);
    }

    @Test
    void acceptsItsValidOptions() {
        assertThat(OptionValidator.validate(factory().connectionOptions(), validConnectionOptions(),
                COMMON_CONNECTION_KEYS).problems()).isEmpty();
        assertThat(OptionValidator.validate(factory().exportOptions(), validExportOptions(), List.of()).problems()).isEmpty();
    }

    @Test
    void reportsUnknownOptionsByName() {
        Map<String, Object> options = new LinkedHashMap<>(validConnectionOptions());
        options.put("no_such_option", "x");
        assertThat(OptionValidator.validate(factory().connectionOptions(), options, COMMON_CONNECTION_KEYS).problems())
                .anySatisfy(problem -> assertThat(problem).startsWith("no_such_option"));
    }

    @Test
    void reportsAndRefusesEachMissingRequiredOption() {
        for (OptionSpec required : factory().connectionOptions().stream().filter(OptionSpec::isRequired).toList()) {
            Map<String, Object> options = new LinkedHashMap<>(validConnectionOptions());
            options.remove(required.name());
            OptionValidator.Result result =
                    OptionValidator.validate(factory().connectionOptions(), options, COMMON_CONNECTION_KEYS);
            assertThat(result.problems()).singleElement().asString().startsWith(required.name());
            DestinationSpec spec = new DestinationSpec("target", result.options(), Options.empty(), export(SyncMode.UPSERT, "id"));
            assertThatThrownBy(() -> factory().create(spec, context()))
                    .as("create() without %s", required.name())
                    .isInstanceOfAny(IllegalArgumentException.class, IllegalStateException.class)
                    .hasMessageContaining(required.name());
        }
    }

    @Test
    void checkAcceptsTheOptionsCreateAccepts() {
        OptionValidator.Result connection =
                OptionValidator.validate(factory().connectionOptions(), validConnectionOptions(), COMMON_CONNECTION_KEYS);
        OptionValidator.Result exportOptions =
                OptionValidator.validate(factory().exportOptions(), validExportOptions(), List.of());
        DestinationSpec spec = new DestinationSpec("target", connection.options(), exportOptions.options(),
                export(SyncMode.UPSERT, "id"));
        assertThatCode(() -> factory().check(spec, context().projectDir())).doesNotThrowAnyException();
        assertThatCode(() -> factory().create(spec, context()).close()).doesNotThrowAnyException();
    }

    @Test
    void declaresWorkableLimits() {
        try (Destination destination = create(export(SyncMode.UPSERT, "id"))) {
            assertThat(destination.maxBatchSize()).isGreaterThanOrEqualTo(1);
            assertThat(destination.maxConcurrency()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void reportsOnEveryRowInEverySupportedMode() throws Exception {
        for (SyncMode mode : factory().supportedModes()) {
            ExportDescriptor export = export(mode, "id");
            try (Destination destination = create(export)) {
                RowBatchBuilder rows = RowBatchBuilder.forExport(export);
                if (mode != SyncMode.UPDATE) {
                    rows.insert("1", Map.of("email", "ada@example.com")).insert("2", Map.of("email", "bob@example.com"));
                }
                if (mode != SyncMode.INSERT && mode != SyncMode.APPEND) {
                    rows.update("3", Map.of("email", "cy@example.com"));
                }
                writeAccepted(destination, rows.build());
                if (mode.sendsRemoved()) {
                    writeAccepted(destination, RowBatchBuilder.forExport(export).delete("4").delete("5").build());
                }
            }
        }
    }

    @Test
    void reportsOnEveryRowOfCompositeKeys() throws Exception {
        ExportDescriptor export = export(SyncMode.UPSERT, "tenant", "id");
        try (Destination destination = create(export)) {
            writeAccepted(destination, RowBatchBuilder.forExport(export)
                    .add(RowOperation.INSERT, RowKey.of("acme", "1"), Map.of("email", "ada@example.com"))
                    .add(RowOperation.INSERT, RowKey.of("globex", "1"), Map.of("email", "bob@example.com"))
                    .build());
        }
    }

    @Test
    void closeIsIdempotent() throws Exception {
        ExportDescriptor export = export(SyncMode.UPSERT, "id");
        Destination destination = create(export);
        writeAccepted(destination, RowBatchBuilder.forExport(export).insert("1", Map.of("email", "ada@example.com")).build());
        destination.close();
        assertThatCode(destination::close).doesNotThrowAnyException();
    }

    @Test
    void closesCleanlyWithoutWrites() {
        Destination destination = create(export(SyncMode.UPSERT, "id"));
        assertThatCode(destination::close).doesNotThrowAnyException();
        assertThatCode(destination::close).doesNotThrowAnyException();
    }

    private void writeAccepted(Destination destination, RowBatch batch) throws DestinationException {
        assertThat(batch.size()).isLessThanOrEqualTo(destination.maxBatchSize());
        expectWriteAccepted(batch);
        WriteResult result = destination.write(batch);
        assertReportsOnEveryRow(batch, result);
        assertThat(result.outcomes().values()).as("outcomes of an accepted write").allMatch(RowOutcome.Delivered.class::isInstance);
    }
}
