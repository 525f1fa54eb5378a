package dev.spoke.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import dev.spoke.dbt.Relation;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialectTest {
    @Test
    void quotesEveryIdentifierThroughCalcite() {
        for (Dialect dialect : List.of(Dialect.postgres(), Dialect.duckdb())) {
            assertThat(dialect.quoteIdentifier("order")).isEqualTo("\"order\"");
            assertThat(dialect.quoteIdentifier("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
            assertThat(dialect.quoteIdentifier("CamelCase")).isEqualTo("\"CamelCase\"");
            assertThat(dialect.quoteQualified(List.of("My Schema", "order"))).isEqualTo("\"My Schema\".\"order\"");
            assertThat(dialect.quoteColumn("t", "first name")).isEqualTo("\"t\".\"first name\"");
            assertThat(dialect.quoteColumn(null, "first name")).isEqualTo("\"first name\"");
        }
    }

    @Test
    void quotesRelationsWithOrWithoutDatabase() {
        assertThat(Dialect.postgres().quoteRelation(new Relation(null, "analytics", "Order Items")))
                .isEqualTo("\"analytics\".\"Order Items\"");
        assertThat(Dialect.duckdb().quoteRelation(new Relation("dev", "main", "order")))
                .isEqualTo("\"dev\".\"main\".\"order\"");
    }

    @Test
    void quotesLiterals() {
        assertThat(Dialect.postgres().quoteLiteral("it's a \\ test")).isEqualTo("'it''s a \\ test'");
        assertThat(Dialect.duckdb().quoteLiteral("ünïcödé 🦆")).isEqualTo("'ünïcödé 🦆'");
    }

    @Test
    void rejectsEmptyNamesAndLists() {
        assertThatThrownBy(() -> Dialect.postgres().quoteIdentifier("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dialect.postgres().keyExpression(List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dialect.duckdb().rowHashExpression(List.of(), "s", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dialect.duckdb().selectColumns(new Relation(null, "s", "t"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsShardsOutOfRange() {
        assertThatThrownBy(() -> Dialect.postgres().shardPredicate("k", 3, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3/3");
        assertThatThrownBy(() -> Dialect.postgres().shardPredicate("k", -1, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dialect.shardOf("k", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shardOfTakesTheFirst32BitsOfMd5AsUnsigned() {
        // md5("") = d41d8cd9..., 0xd41d8cd9 = 3558706393 (above Integer.MAX_VALUE: must not go negative)
        assertThat(Dialect.shardOf("", 1000)).isEqualTo((int) (3558706393L % 1000));
        // md5("a") = 0cc175b9...
        assertThat(Dialect.shardOf("a", 7)).isEqualTo((int) (0x0cc175b9L % 7));
        assertThat(Dialect.shardOf(null, 5)).isZero();
        assertThat(Dialect.shardOf("anything", 1)).isZero();
    }

    @Test
    void shardOfHashesUtf8() {
        // md5 of the UTF-8 bytes of "é" (c3 a9) = 66ddcd97...
        assertThat(Dialect.shardOf("é", 1 << 30)).isEqualTo((int) (0x66ddcd97L % (1 << 30)));
    }

    @Test
    void namesTheAdapterAndRefusesOthers() {
        assertThat(Dialect.forAdapter("postgres").adapterType()).isEqualTo("postgres");
        assertThat(Dialect.forAdapter("DuckDB")).isSameAs(Dialect.duckdb());
        assertThatThrownBy(() -> Dialect.forAdapter("snowflake"))
                .isInstanceOfSatisfying(SpokeException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG_ERROR);
                    assertThat(e.getMessage()).contains("snowflake");
                    assertThat(e.hint()).contains("duckdb, postgres");
                });
    }

    @Test
    void stateStoreTypes() {
        assertThat(Dialect.postgres().textType()).isEqualTo("text");
        assertThat(Dialect.postgres().timestampType()).isEqualTo("timestamp with time zone");
        assertThat(Dialect.duckdb().textType()).isEqualTo("VARCHAR");
        assertThat(Dialect.duckdb().timestampType()).isEqualTo("TIMESTAMP WITH TIME ZONE");
        assertThat(Dialect.postgres().currentTimestamp()).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(Dialect.duckdb().supportsOnConflict()).isTrue();
    }
}
