import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Rebuilds the sample's DuckDB warehouse from what the repository holds: the seed CSVs and the compiled SQL in
 * target/manifest.json. It does what `dbt build` does to the database (without running tests), so spoke can be
 * developed and tested where dbt is not installed. Nothing binary is committed; run it whenever the file is missing.
 *
 * <p>From the repository root, after {@code mvn -o -q package -DskipTests}:
 * <pre>java -cp "target/spoke.jar:target/lib/*" sample-dbt-project/scripts/BuildWarehouse.java sample-dbt-project</pre>
 *
 * <p>The DuckDB file is the {@code path} of the profile's target in profiles.yml, relative to the project directory.
 * It is deleted and recreated. Each seed is created with its {@code +column_types} and loaded with DuckDB's COPY
 * (as dbt-duckdb does); each model's compiled_code then runs in dependency order as a view or a table. A table whose
 * contract is enforced is created from its declared columns and constraints first, then filled, as dbt-duckdb does.
 */
public final class BuildWarehouse {

    private final Path projectDir;
    private final ObjectMapper json = new ObjectMapper();
    private final YAMLMapper yaml = new YAMLMapper();

    private BuildWarehouse(Path projectDir) {
        this.projectDir = projectDir;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp \"target/spoke.jar:target/lib/*\" "
                    + "sample-dbt-project/scripts/BuildWarehouse.java <dbt project directory>");
            System.exit(2);
        }
        try {
            new BuildWarehouse(Path.of(args[0]).toAbsolutePath().normalize()).build();
        } catch (BuildException e) {
            System.err.println("BuildWarehouse: " + e.getMessage());
            System.exit(1);
        }
    }

    private void build() throws IOException, SQLException {
        Path databaseFile = databaseFile();
        JsonNode manifest = read(json, projectDir.resolve("target/manifest.json"));
        List<JsonNode> seeds = nodesOfType(manifest, "seed");
        List<JsonNode> models = inDependencyOrder(nodesOfType(manifest, "model"));
        checkDatabaseName(databaseFile, seeds, models);

        Files.deleteIfExists(databaseFile);
        Files.deleteIfExists(databaseFile.resolveSibling(databaseFile.getFileName() + ".wal"));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + databaseFile);
             Statement statement = connection.createStatement()) {
            for (JsonNode seed : seeds) {
                createSchema(statement, seed);
                loadSeed(statement, seed);
                report(statement, "seed", seed);
            }
            for (JsonNode model : models) {
                createSchema(statement, model);
                runModel(statement, model);
                report(statement, model.path("config").path("materialized").asText(), model);
            }
        }
        System.out.printf("built %s: %d seeds, %d models%n", projectDir.relativize(databaseFile), seeds.size(),
                models.size());
    }

    /** The profile's target in profiles.yml must be DuckDB with a literal path; relative paths are project-relative. */
    private Path databaseFile() throws IOException {
        String profileName = text(read(yaml, projectDir.resolve("dbt_project.yml")), "profile", "dbt_project.yml");
        JsonNode profile = read(yaml, projectDir.resolve("profiles.yml")).path(profileName);
        if (profile.isMissingNode()) {
            throw new BuildException("profiles.yml has no profile '" + profileName + "' (named by dbt_project.yml)");
        }
        String targetName = text(profile, "target", "profiles.yml profile " + profileName);
        JsonNode target = profile.path("outputs").path(targetName);
        String where = "profiles.yml " + profileName + ".outputs." + targetName;
        if (!"duckdb".equals(target.path("type").asText())) {
            throw new BuildException(where + " must have type: duckdb to build the sample warehouse");
        }
        String path = text(target, "path", where);
        if (path.contains("{{") || path.equals(":memory:")) {
            throw new BuildException(where + ".path must be a plain file path, not '" + path + "'");
        }
        return projectDir.resolve(path).normalize();
    }

    /** dbt-duckdb names the database after the file's stem; compiled SQL only resolves if both agree. */
    private static void checkDatabaseName(Path databaseFile, List<JsonNode> seeds, List<JsonNode> models) {
        String fileName = databaseFile.getFileName().toString();
        String stem = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        for (List<JsonNode> nodes : List.of(seeds, models)) {
            for (JsonNode node : nodes) {
                if (!stem.equals(node.path("database").asText())) {
                    throw new BuildException(node.path("unique_id").asText() + " lives in database '"
                            + node.path("database").asText() + "' but profiles.yml points at " + fileName
                            + "; regenerate target/manifest.json for this profile");
                }
            }
        }
    }

    private void loadSeed(Statement statement, JsonNode seed) throws IOException, SQLException {
        Path csv = projectDir.resolve(seed.path("original_file_path").asText());
        JsonNode columnTypes = seed.path("config").path("column_types");
        StringJoiner columns = new StringJoiner(",\n    ", "(\n    ", "\n)");
        for (String column : csvHeader(csv)) {
            JsonNode type = columnTypes.path(column);
            if (!type.isTextual()) {
                throw new BuildException("seed " + seed.path("name").asText() + ": column '" + column
                        + "' has no type; add it under +column_types in dbt_project.yml and regenerate the manifest");
            }
            columns.add(quote(column) + " " + type.asText());
        }
        statement.execute("create table " + relation(seed) + " " + columns);
        statement.execute("copy " + relation(seed) + " from " + literal(csv.toString())
                + " (format csv, header true, delimiter ',')");
    }

    private void runModel(Statement statement, JsonNode model) throws SQLException {
        String sql = model.path("compiled_code").asText();
        String materialized = model.path("config").path("materialized").asText();
        String relation = relation(model);
        switch (materialized) {
            case "view" -> statement.execute("create or replace view " + relation + " as (\n" + sql + "\n)");
            case "table" -> {
                if (model.path("contract").path("enforced").asBoolean()) {
                    createFromContract(statement, model, sql);
                } else {
                    statement.execute("create or replace table " + relation + " as (\n" + sql + "\n)");
                }
            }
            default -> throw new BuildException(model.path("unique_id").asText() + " is materialized as '"
                    + materialized + "'; this script builds views and tables only");
        }
    }

    private void createFromContract(Statement statement, JsonNode model, String sql) throws SQLException {
        StringJoiner definitions = new StringJoiner(",\n    ", "(\n    ", "\n)");
        StringJoiner names = new StringJoiner(", ");
        for (JsonNode column : model.path("columns")) {
            String name = quote(column.path("name").asText());
            if (!column.path("data_type").isTextual()) {
                throw new BuildException(model.path("unique_id").asText() + " enforces its contract but column "
                        + column.path("name").asText() + " has no data_type in its schema.yml");
            }
            StringBuilder definition = new StringBuilder(name).append(' ').append(column.path("data_type").asText());
            for (JsonNode constraint : column.path("constraints")) {
                definition.append(' ').append(constraintSql(model, constraint));
            }
            definitions.add(definition);
            names.add(name);
        }
        statement.execute("create or replace table " + relation(model) + " " + definitions);
        statement.execute("insert into " + relation(model) + " (" + names + ")\nselect " + names
                + " from (\n" + sql + "\n) as model_subq");
    }

    private static String constraintSql(JsonNode model, JsonNode constraint) {
        String type = constraint.path("type").asText();
        return switch (type) {
            case "not_null" -> "not null";
            case "primary_key" -> "primary key";
            case "unique" -> "unique";
            case "check" -> "check (" + constraint.path("expression").asText() + ")";
            default -> throw new BuildException(model.path("unique_id").asText() + " has a '" + type
                    + "' column constraint; this script supports not_null, primary_key, unique and check");
        };
    }

    private static void createSchema(Statement statement, JsonNode node) throws SQLException {
        statement.execute("create schema if not exists " + quote(node.path("database").asText()) + "."
                + quote(node.path("schema").asText()));
    }

    private static void report(Statement statement, String kind, JsonNode node) throws SQLException {
        try (ResultSet rows = statement.executeQuery("select count(*) from " + relation(node))) {
            rows.next();
            System.out.printf("%-5s %-42s %5d rows%n", kind, relation(node), rows.getLong(1));
        }
    }

    /** Kahn's algorithm over the models' depends_on; ties keep manifest order so the output is stable. */
    private static List<JsonNode> inDependencyOrder(List<JsonNode> models) {
        Map<String, JsonNode> pending = new LinkedHashMap<>();
        models.forEach(model -> pending.put(model.path("unique_id").asText(), model));
        List<JsonNode> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            JsonNode next = pending.values().stream()
                    .filter(model -> parentModels(model, pending).isEmpty())
                    .findFirst()
                    .orElseThrow(() -> new BuildException("models depend on each other in a cycle: " + pending.keySet()));
            String uniqueId = next.path("unique_id").asText();
            pending.remove(uniqueId);
            ordered.add(next);
        }
        return ordered;
    }

    private static List<String> parentModels(JsonNode model, Map<String, JsonNode> pending) {
        List<String> parents = new ArrayList<>();
        for (JsonNode parent : model.path("depends_on").path("nodes")) {
            if (pending.containsKey(parent.asText())) {
                parents.add(parent.asText());
            }
        }
        return parents;
    }

    private static List<JsonNode> nodesOfType(JsonNode manifest, String resourceType) {
        List<JsonNode> nodes = new ArrayList<>();
        manifest.path("nodes").forEach(node -> {
            if (resourceType.equals(node.path("resource_type").asText())) {
                nodes.add(node);
            }
        });
        return nodes;
    }

    private static List<String> csvHeader(Path csv) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(csv.toFile())) {
            if (!rows.hasNext()) {
                throw new BuildException(csv + " is empty; a seed needs a header row");
            }
            return rows.next();
        }
    }

    private static JsonNode read(ObjectMapper mapper, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BuildException(file + " does not exist");
        }
        return mapper.readTree(file.toFile());
    }

    private static String text(JsonNode parent, String key, String where) {
        JsonNode value = parent.path(key);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new BuildException(where + " has no '" + key + "'");
        }
        return value.asText();
    }

    private static String relation(JsonNode node) {
        return quote(node.path("database").asText()) + "." + quote(node.path("schema").asText()) + "."
                + quote(node.path("alias").asText());
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A problem with the project files, reported as one line without a stack trace. */
    private static final class BuildException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BuildException(String message) {
            super(message);
        }
    }
}
