package dev.spoke.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.dbt.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The round trip every adapter's key types must make, over many values of each column type, in a real database: the
 * key text the database computes for a value ({@link Dialect#castToText}, what the state store keeps), read back with
 * {@link Dialect#keyType}, is exactly the JSON {@link RowStream#json} gives for the value itself, which is what an
 * upsert carries. A delete, which has only the stored text, so names its row as the upsert did. DuckDB runs it as a
 * unit test, PostgreSQL as an integration test.
 */
public abstract class KeyTypeContractTest {
    /** The seed of the random values: fixed, so a failure is replayed by running the test again. */
    protected static final long SEED = 20_261_128L;

    /** The open warehouse under test. */
    protected abstract Warehouse warehouse();

    /** A relation named {@code table} in a schema of this test class. */
    protected abstract Relation relation(String table);

    /** Column type (as SQL writes it) to SQL literals of many values of it; every type of the adapter that can key. */
    protected abstract Map<String, List<String>> samples(KeySamples samples);

    @Test
    void everyKeyTextReadsBackAsTheJsonOfItsValue() {
        Dialect dialect = warehouse().dialect();
        Map<String, List<String>> samples = samples(new KeySamples(dialect, SEED));
        List<String> mismatches = new ArrayList<>();
        int table = 0;
        int checked = 0;
        for (Map.Entry<String, List<String>> sample : samples.entrySet()) {
            Relation relation = relation("key_type_" + table++);
            String quoted = dialect.quoteRelation(relation);
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < sample.getValue().size(); i++) {
                rows.add("(" + i + ", " + sample.getValue().get(i) + ")");
            }
            execute("CREATE TABLE " + quoted + " (n INTEGER, v " + sample.getKey() + ")",
                    "INSERT INTO " + quoted + " VALUES " + String.join(", ", rows));
            try (RowStream stream = warehouse().stream("SELECT v, " + dialect.castToText("v") + " FROM " + quoted
                    + " ORDER BY n", 500)) {
                KeyType type = dialect.keyType(stream.columns().get(0).typeName());
                while (stream.next()) {
                    String upsert = JsonValues.write(stream.json(0));
                    String text = stream.text(1);
                    String delete = readOrFailure(type, text);
                    if (!delete.equals(upsert)) {
                        mismatches.add(type + ": key text '" + text + "' reads as " + delete
                                + ", the value streams as " + upsert);
                    }
                    checked++;
                }
            }
        }
        assertThat(mismatches).as("key texts that do not read back as their value's JSON").isEmpty();
        assertThat(checked).as("values checked").isGreaterThan(samples.size() * 2);
    }

    @Test
    void aTextThatIsNotAValueOfTheTypeIsRefusedNamingTheType() {
        KeyType integer = warehouse().dialect().keyType(integerTypeName());
        assertThat(integer.form()).isEqualTo(KeyType.Form.INTEGER);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> integer.read("abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'abc' is not the text of a " + integerTypeName() + " value");
    }

    /** The type name the driver reports for a 64-bit integer column. */
    protected abstract String integerTypeName();

    private static String readOrFailure(KeyType type, String text) {
        try {
            return JsonValues.write(type.read(text));
        } catch (IllegalArgumentException e) {
            return "an error (" + e.getCause() + ")";
        }
    }

    /** Runs statements as they are (plain JDBC: no parameter parsing, so literals may hold colons and backslashes). */
    protected void execute(String... statements) {
        try (org.jdbi.v3.core.Handle handle = warehouse().jdbi().open();
                java.sql.Statement statement = handle.getConnection().createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
