package dev.spoke.it.cli;

import static dev.spoke.it.cli.QuickstartIT.lines;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spoke.it.support.CustomerTable;
import dev.spoke.it.support.DuckDbWarehouse;
import dev.spoke.it.support.SpokeCli;
import dev.spoke.it.support.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file destination as a consumer of its files depends on it, through the built CLI: a sync, then one with nothing
 * changed, leave every row of the first readable, however the files are laid out (a file per run, one file appended
 * to, overwrite); the next change adds rows without taking any away (but overwrite, which holds the last change set
 * by choice). A path in meta that leaves the project is refused, and nothing is written anywhere.
 */
class FileRunsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 200;
    private static final String PER_RUN_DIR = "out/accounts__per_run";
    private static final String APPENDED = "out/accounts__appended.jsonl";
    private static final String REPLACED = "out/accounts__replaced.jsonl";

    @TempDir
    Path dir;
    private CustomerTable accounts;
    private TestProject project;
    private SpokeCli cli;

    @BeforeEach
    void createProject() {
        DuckDbWarehouse warehouse = new DuckDbWarehouse(dir.resolve("warehouse.duckdb"));
        accounts = new CustomerTable(warehouse, "accounts").create(ROWS);
        project = new TestProject(dir.resolve("project"), warehouse)
                .connection("per_run", Map.of("type", "file", "path", "out/{export}/{timestamp}.jsonl"))
                .connection("appended", Map.of("type", "file", "path", "out/{export}.jsonl"))
                .connection("replaced", Map.of("type", "file", "path", "out/{export}.jsonl", "overwrite", true));
        project.manifest().model("accounts", accounts.relation(), accounts.columns(), "id", List.of(
                Map.of("to", "per_run", "mode", "mirror"),
                Map.of("to", "appended", "mode", "mirror"),
                Map.of("to", "replaced", "mode", "mirror")));
        project.write();
        cli = new SpokeCli(dir);
    }

    private SpokeCli.Result sync() {
        SpokeCli.Result sync = cli.run(project.cli("sync"));
        assertThat(sync.exitCode()).as(sync.toString()).isZero();
        return sync;
    }

    @Test
    void aRunWithNothingToSendLeavesEveryRowOfTheFirstRunReadable() throws IOException {
        sync();
        Map<String, String> afterFirst = filesUnder(project.dir().resolve("out"));
        List<String> perRunFiles = perRunFiles();
        assertThat(perRunFiles).hasSize(1);
        for (String file : List.of(perRunFiles.get(0), APPENDED, REPLACED)) {
            assertThat(keys(file)).as(file).hasSize(ROWS).doesNotHaveDuplicates();
        }

        SpokeCli.Result nothingToSend = sync();

        assertThat(lines(nothingToSend.stdout())).contains("accounts -> per_run success 0 0 0 0 0 0",
                "accounts -> appended success 0 0 0 0 0 0", "accounts -> replaced success 0 0 0 0 0 0");
        assertThat(filesUnder(project.dir().resolve("out"))).as("every file as the first run left it, and no other")
                .isEqualTo(afterFirst);

        accounts.changeEmails(List.of(10L, 20L, 30L));
        accounts.delete(List.of(1L, 2L));
        sync();

        List<String> afterChange = perRunFiles();
        assertThat(afterChange).hasSize(2).startsWith(perRunFiles.get(0));
        assertThat(read(perRunFiles.get(0))).as("the first run's file, untouched")
                .isEqualTo(afterFirst.get(perRunFiles.get(0).substring("out/".length())));
        assertThat(keys(afterChange.get(1))).containsExactlyInAnyOrder("10", "20", "30", "1", "2");
        assertThat(read(APPENDED)).as("appended after the first run's rows").startsWith(afterFirst.get(
                "accounts__appended.jsonl"));
        assertThat(keys(APPENDED)).hasSize(ROWS + 5);
        assertThat(keys(REPLACED)).as("overwrite: the last change set only").containsExactlyInAnyOrder(
                "10", "20", "30", "1", "2");
    }

    @Test
    void aPathInMetaThatLeavesTheProjectIsRefusedAndNothingIsWritten() throws IOException {
        project.manifest().destinations("accounts", List.of(
                Map.of("to", "appended", "options", Map.of("path", "../escaped.jsonl"))));
        project.write();

        SpokeCli.Result validate = cli.run(project.cli("validate", "--offline"));
        SpokeCli.Result sync = cli.run(project.cli("sync"));

        for (SpokeCli.Result refused : List.of(validate, sync)) {
            assertThat(refused.exitCode()).as("the pull-request gate and the run refuse alike: " + refused).isEqualTo(2);
            assertThat(refused.stderr()).contains("models/marts/schema.yml",
                    "meta.destinations[0].options.path", "'../escaped.jsonl' has a '..' segment");
        }
        assertThat(dir.resolve("escaped.jsonl")).doesNotExist();
        assertThat(project.dir().resolve("out")).doesNotExist();
    }

    /** The per-run files of the per_run export, oldest first, relative to the project. */
    private List<String> perRunFiles() throws IOException {
        return filesUnder(project.dir().resolve(PER_RUN_DIR)).keySet().stream()
                .map(name -> PER_RUN_DIR + "/" + name).toList();
    }

    /** Every regular file under a directory, hidden ones included: relative path to content. */
    private static Map<String, String> filesUnder(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }

    private String read(String relativePath) throws IOException {
        return Files.readString(project.dir().resolve(relativePath));
    }

    private List<String> keys(String relativePath) throws IOException {
        List<String> keys = new ArrayList<>();
        for (String line : Files.readAllLines(project.dir().resolve(relativePath))) {
            keys.add(JSON.readTree(line).path("key").asText());
        }
        return keys;
    }
}
