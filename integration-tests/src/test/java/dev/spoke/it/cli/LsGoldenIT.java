package dev.spoke.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.it.support.RepositoryFiles;
import dev.spoke.it.support.SampleCheckout;
import dev.spoke.it.support.SpokeCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spoke ls} on the sample project, text and {@code --output json}, against golden files under
 * integration-tests/src/test/resources/it/golden/. After a deliberate change of the output, rewrite them with
 * {@code -Dspoke.golden.update=true} and review the diff.
 */
class LsGoldenIT {
    private static final Path GOLDEN = Path.of("integration-tests/src/test/resources/it/golden");

    @TempDir
    Path root;

    @Test
    void listsTheSampleExportsAsText() throws IOException {
        assertMatchesGolden(ls(), "spoke-ls.txt");
    }

    @Test
    void listsTheSampleExportsAsJson() throws IOException {
        assertMatchesGolden(ls("--output", "json"), "spoke-ls.json");
    }

    private String ls(String... more) {
        Path sample = SampleCheckout.copyTo(root);
        SpokeCli.Result result = new SpokeCli(root).run(listWith(sample, more));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).as("ls of a valid project warns about nothing").isEmpty();
        return result.stdout();
    }

    private static List<String> listWith(Path sample, String... more) {
        List<String> args = new ArrayList<>(List.of("ls", "--project-dir", sample.toString()));
        args.addAll(List.of(more));
        return args;
    }

    private static void assertMatchesGolden(String actual, String name) throws IOException {
        Path golden = RepositoryFiles.root().resolve(GOLDEN).resolve(name);
        if (Boolean.getBoolean("spoke.golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file (create it with -Dspoke.golden.update=true)").exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
