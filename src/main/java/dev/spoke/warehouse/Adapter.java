package dev.spoke.warehouse;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The warehouse adapters spoke reads, named as dbt names them, each with its dialect and value conversion. */
enum Adapter {
    DUCKDB("duckdb", DuckDbDialect.INSTANCE, DuckDbValueConverters::forColumn),
    POSTGRES("postgres", PostgresDialect.INSTANCE, PostgresValueConverters::forColumn);

    /** Chooses the converter of a result column from its metadata. */
    @FunctionalInterface
    interface ConverterChooser {
        ValueConverter forColumn(String typeName, int jdbcType);
    }

    private final String type;
    private final Dialect dialect;
    private final ConverterChooser converters;

    Adapter(String type, Dialect dialect, ConverterChooser converters) {
        this.type = type;
        this.dialect = dialect;
        this.converters = converters;
    }

    static Optional<Adapter> named(String type) {
        if (type == null) {
            return Optional.empty();
        }
        String wanted = type.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(adapter -> adapter.type.equals(wanted)).findFirst();
    }

    /** For messages: {@code duckdb, postgres}. */
    static String supportedTypes() {
        return Arrays.stream(values()).map(Adapter::type).collect(Collectors.joining(", "));
    }

    String type() {
        return type;
    }

    Dialect dialect() {
        return dialect;
    }

    ValueConverter converterFor(String typeName, int jdbcType) {
        return converters.forColumn(typeName, jdbcType);
    }
}
