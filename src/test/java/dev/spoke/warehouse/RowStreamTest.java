package dev.spoke.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spoke.SpokeException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;

class RowStreamTest {
    @Test
    void aResultShorterThanItsCountIsAnErrorNotAnEnd() throws SQLException {
        Connection connection = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
        Statement statement = connection.createStatement();
        try (RowStream stream = new RowStream(connection, statement, statement.executeQuery("SELECT * FROM range(3)"),
                Adapter.DUCKDB, null, OptionalLong.of(5))) {
            assertThat(stream.next()).isTrue();
            assertThat(stream.next()).isTrue();
            assertThat(stream.next()).isTrue();
            assertThatThrownBy(stream::next).isInstanceOf(SpokeException.class)
                    .hasMessage("the duckdb result ended after 3 of its 5 rows");
        }
        assertThat(connection.isClosed()).as("closing the stream closes its connection").isTrue();
    }

    @Test
    void reportsTheGivenNamesAndClosesTwiceSafely() throws SQLException {
        Connection connection = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
        Statement statement = connection.createStatement();
        RowStream stream = new RowStream(connection, statement, statement.executeQuery("SELECT 1 AS a_1"),
                Adapter.DUCKDB, List.of("a"), OptionalLong.of(1));
        assertThat(stream.columns()).containsExactly(new WarehouseColumn("a", "INTEGER", java.sql.Types.INTEGER));
        assertThat(stream.next()).isTrue();
        assertThat(stream.next()).isFalse();
        stream.close();
        stream.close();
    }
}
