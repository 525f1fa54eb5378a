package dev.spoke.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spoke.dbt.Relation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model with a column of every type spoke must carry exactly (bigint beyond 2^53, numeric with scale, unicode
 * text, timestamptz with milliseconds, date, boolean, json, jsonb, text and integer arrays with a NULL element,
 * uuid, NULLs), built in the warehouse by one INSERT ... SELECT over a series, and the payload each row must arrive
 * as, computed here in Java from the row number, independently of the warehouse.
 */
public final class TypedModel {
    /** Keys start above 2^53, where a JSON double would lose digits. */
    public static final long KEY_BASE = 9_007_199_254_740_000L;
    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    private static final LocalDate DAY_ZERO = LocalDate.parse("2000-01-01");
    private static final String LABEL = "Zoë \"q\" 🦆 中文 \\ ";
    private static final String BIO = "spoke ".repeat(70);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private TypedModel() {
    }

    /** The model's columns and their dbt data types (as the manifest documents them). */
    public static Map<String, String> columns(TestWarehouse warehouse) {
        TestWarehouse.Sql sql = warehouse.sql();
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("id", "bigint");
        columns.put("amount", "numeric(14,4)");
        columns.put("label", "text");
        columns.put("created_at", sql.timestamptz());
        columns.put("day", "date");
        columns.put("active", "boolean");
        columns.put("doc", sql.json());
        columns.put("docb", sql.jsonb());
        columns.put("tags", sql.textArray());
        columns.put("ids", sql.intArray());
        columns.put("uid", "uuid");
        columns.put("nothing", "text");
        columns.put("bio", "text");
        return columns;
    }

    /** Creates the table with rows 1..rows. */
    public static void create(TestWarehouse warehouse, Relation relation, long rows) {
        TestWarehouse.Sql sql = warehouse.sql();
        StringBuilder create = new StringBuilder("CREATE TABLE " + warehouse.quoted(relation) + " (");
        String separator = "";
        for (Map.Entry<String, String> column : columns(warehouse).entrySet()) {
            create.append(separator).append(warehouse.quoted(column.getKey())).append(' ').append(column.getValue());
            separator = ", ";
        }
        create.append(')');
        String doc = "'{\"n\": ' || CAST(i AS TEXT) || ', \"price\": ' || CAST(i % 100 AS TEXT)"
                + " || '.50, \"tags\": [\"a\", ' || CAST(i % 3 AS TEXT) || '], \"nested\": {\"even\": '"
                + " || CAST(i % 2 = 0 AS TEXT) || '}}'";
        String insert = "INSERT INTO " + warehouse.quoted(relation) + " SELECT "
                + KEY_BASE + " + i, "
                + "CAST((i - 50000) * 1.0001 AS numeric(14,4)), "
                + "CASE WHEN i % 10 = 0 THEN NULL ELSE '" + LABEL.replace("'", "''") + "' || CAST(i AS TEXT) END, "
                + "CAST('2024-01-01 00:00:00+00' AS " + sql.timestamptz() + ") + " + sql.seconds("i * 37") + " + "
                + sql.milliseconds("i % 1000") + ", "
                + "CAST('2000-01-01' AS date) + CAST(i % 20000 AS integer), "
                + "CASE WHEN i % 7 = 0 THEN NULL ELSE i % 3 = 0 END, "
                + "CAST(" + doc + " AS " + sql.json() + "), "
                + "CAST(" + doc + " AS " + sql.jsonb() + "), "
                + sql.array("'t' || CAST(i % 5 AS TEXT)", "NULL", "'x y'") + ", "
                + sql.array("CAST(i % 1000 AS integer)", "CAST(-(i % 7) AS integer)") + ", "
                + "CAST(md5(CAST(i AS TEXT)) AS uuid), "
                + "NULL, "
                + "'" + BIO + "' || CAST(i AS TEXT) "
                + "FROM " + sql.series(rows);
        warehouse.execute(create.toString(), insert);
    }

    /** The key of row {@code i}, as text. */
    public static String key(long i) {
        return Long.toString(KEY_BASE + i);
    }

    /** The row number of a key. */
    public static long row(String key) {
        return Long.parseLong(key) - KEY_BASE;
    }

    /** The payload row {@code i} must arrive as: every column by name, each value exactly as stored. */
    public static ObjectNode expected(long i) {
        ObjectNode row = NODES.objectNode();
        row.put("id", KEY_BASE + i);
        row.put("amount", BigDecimal.valueOf(i - 50000).multiply(new BigDecimal("1.0001")).setScale(4));
        if (i % 10 == 0) {
            row.putNull("label");
        } else {
            row.put("label", LABEL + i);
        }
        row.put("created_at", instant(EPOCH.plusSeconds(i * 37).plusMillis(i % 1000)));
        row.put("day", DAY_ZERO.plusDays(i % 20000).toString());
        if (i % 7 == 0) {
            row.putNull("active");
        } else {
            row.put("active", i % 3 == 0);
        }
        JsonNode doc = CanonicalJson.parse("{\"n\": " + i + ", \"price\": " + (i % 100) + ".50, \"tags\": [\"a\", "
                + (i % 3) + "], \"nested\": {\"even\": " + (i % 2 == 0) + "}}");
        row.set("doc", doc);
        row.set("docb", doc.deepCopy());
        ArrayNode tags = row.putArray("tags");
        tags.add("t" + (i % 5)).addNull().add("x y");
        row.putArray("ids").add(i % 1000).add(-(i % 7));
        row.put("uid", uuid(md5(Long.toString(i))));
        row.putNull("nothing");
        row.put("bio", BIO + i);
        return row;
    }

    /** ISO-8601 UTC with milliseconds only when there are some, as spoke writes a timestamptz. */
    static String instant(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        int millis = utc.getNano() / 1_000_000;
        return SECONDS.format(utc) + (millis == 0 ? "" : String.format(".%03d", millis)) + "Z";
    }

    private static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String uuid(String hex) {
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}
