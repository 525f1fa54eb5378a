package dev.spoke.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;

/**
 * Why {@link RowStreams} spools DuckDB queries: the driver's streaming result ends a query that fails part way like a
 * complete one, silently. If this test fails after a driver upgrade, the driver reports such errors now and the spool
 * can go.
 */
class DuckDbDriverStreamingTest {
    @Test
    void theDriverEndsAFailingStreamingQueryWithoutAnError() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty(DuckDBDriver.JDBC_STREAM_RESULTS, "true");
        long rows = 0;
        try (Connection connection = new DuckDBDriver().connect("jdbc:duckdb:", properties);
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("SELECT CASE WHEN i = 900000 THEN"
                        + " CAST(error('row ' || i) AS BIGINT) ELSE i END FROM range(1, 1000001) t(i)")) {
            while (resultSet.next()) {
                rows++;
            }
        }
        assertThat(rows).as("rows before the silent end").isLessThan(1_000_000);
    }
}
