package dev.spoke.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spoke.destination.DestinationRegistry;
import dev.spoke.testing.Golden;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/reference.md is generated from the declarations; this keeps the committed file in step. */
class ReferenceDocsTest {
    @Test
    void theCommittedReferenceIsWhatTheDeclarationsSay() {
        String reference = ReferenceDocs.render(DestinationRegistry.load());

        assertThat(reference).contains("`connections.<name>.delivery.max_attempts`", "Destination type `webhook`",
                "`signing_secret`", "Destination type `file`");
        Golden.assertFileMatches(Path.of("docs", "reference.md"), reference);
    }
}
