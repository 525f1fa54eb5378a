package dev.spoke.destinations.file;

import dev.spoke.destination.DestinationContext;
import dev.spoke.destination.DestinationContractTest;
import dev.spoke.destination.DestinationFactory;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

class FileDestinationContractTest extends DestinationContractTest {
    @TempDir
    Path projectDir;

    @Override
    protected DestinationFactory factory() {
        return new FileDestinationFactory();
    }

    @Override
    protected Map<String, Object> validConnectionOptions() {
        return Map.of("path", "out/{export}.jsonl");
    }

    @Override
    protected DestinationContext context() {
        return new FileTestProject(projectDir).context();
    }

    /** The same contract with CSV, appending: the header and the side files must hold up across destinations. */
    static class Csv extends FileDestinationContractTest {
        @Override
        protected Map<String, Object> validConnectionOptions() {
            return Map.of("path", "out/{model}.csv", "format", "csv", "overwrite", false);
        }
    }
}
