package dev.spoke.it.support;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spoke.dbt.Relation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A customers model of the sync and CLI tests: {@code id bigint, email, full_name, score numeric(10,2), updated_at
 * timestamptz, note}, row {@code i} having id {@code i}; changed with plain SQL as {@code dbt run} would change it,
 * and the payload each row must arrive as, computed from its id and the changes made so far.
 */
public final class CustomerTable {
    private final TestWarehouse warehouse;
    private final Relation relation;
    private final Map<Long, String> changedEmails = new LinkedHashMap<>();

    public CustomerTable(TestWarehouse warehouse, String name) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.relation = warehouse.relation(name);
    }

    public Relation relation() {
        return relation;
    }

    public String name() {
        return relation.identifier();
    }

    /** The dbt data types of the columns, as the manifest documents them. */
    public Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("id", "bigint");
        columns.put("email", "text");
        columns.put("full_name", "text");
        columns.put("score", "numeric(10,2)");
        columns.put("updated_at", warehouse.sql().timestamptz());
        columns.put("note", "text");
        return columns;
    }

    /** Creates the table with ids 1..rows; {@code uniqueKey} false leaves out the primary key (to hold bad keys). */
    public CustomerTable create(long rows, boolean uniqueKey) {
        warehouse.execute("CREATE TABLE " + table() + " (id bigint" + (uniqueKey ? " PRIMARY KEY" : "")
                + ", email text, full_name text, score numeric(10,2), updated_at " + warehouse.sql().timestamptz()
                + ", note text)");
        insert(1, rows);
        return this;
    }

    public CustomerTable create(long rows) {
        return create(rows, true);
    }

    /** Inserts the rows with ids first..last. */
    public void insert(long first, long last) {
        warehouse.execute("INSERT INTO " + table() + " SELECT i, " + email("i") + ", 'Ünïcödé ' || CAST(i AS TEXT),"
                + " CAST(i * 0.01 AS numeric(10,2)), CAST('2025-01-01 00:00:00+00' AS "
                + warehouse.sql().timestamptz() + ") + " + warehouse.sql().seconds("i") + ", 'note ' || CAST(i AS TEXT)"
                + " FROM (SELECT i + " + (first - 1) + " AS i FROM " + warehouse.sql().series(last - first + 1)
                + ") AS ids");
    }

    /** Changes the email of these rows (a mapped column). */
    public void changeEmails(Collection<Long> ids) {
        warehouse.execute("UPDATE " + table() + " SET email = 'changed-' || CAST(id AS TEXT) || '@example.com'"
                + " WHERE id IN (" + list(ids) + ")");
        ids.forEach(id -> changedEmails.put(id, "changed-" + id + "@example.com"));
    }

    /** Changes the note of these rows. */
    public void changeNotes(Collection<Long> ids) {
        warehouse.execute("UPDATE " + table() + " SET note = 'edited ' || CAST(id AS TEXT) WHERE id IN (" + list(ids)
                + ")");
    }

    public void delete(Collection<Long> ids) {
        warehouse.execute("DELETE FROM " + table() + " WHERE id IN (" + list(ids) + ")");
    }

    /** Runs a statement on the table, written with {@code {t}} for its quoted name. */
    public void execute(String sql) {
        warehouse.execute(sql.replace("{t}", table()));
    }

    /** Row {@code id} as it must arrive with no mapping (every column by name; the note excluded when asked). */
    public ObjectNode expected(long id) {
        ObjectNode row = JsonNodeFactory.withExactBigDecimals(true).objectNode();
        row.put("id", id);
        row.put("email", email(id));
        row.put("full_name", "Ünïcödé " + id);
        row.put("score", BigDecimal.valueOf(id, 2));
        row.put("updated_at", Instant.parse("2025-01-01T00:00:00Z").plusSeconds(id).toString());
        row.put("note", "note " + id);
        return row;
    }

    /** The email of row {@code id} now. */
    public String email(long id) {
        return changedEmails.getOrDefault(id, "user" + id + "@example.com");
    }

    private static String email(String id) {
        return "'user' || CAST(" + id + " AS TEXT) || '@example.com'";
    }

    private String table() {
        return warehouse.quoted(relation);
    }

    private static String list(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
