package dev.spoke.dbt;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real dbt artifacts under {@code src/test/resources/dbt} (see PROVENANCE.md there). */
final class DbtFixtures {
    private DbtFixtures() {}

    /** A fixture file, e.g. {@code manifests/bouncer-v12-duckdb.json}. */
    static Path path(String relative) {
        URL url = DbtFixtures.class.getResource("/dbt/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no test fixture dbt/" + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a fixture manifest and fails on any warning: none of the fixtures deserves one. */
    static Manifest manifest(String name) {
        List<String> warnings = new ArrayList<>();
        Manifest manifest = ManifestReader.read(path("manifests/" + name), warnings::add);
        if (!warnings.isEmpty()) {
            throw new AssertionError("unexpected warnings reading " + name + ": " + warnings);
        }
        return manifest;
    }
}
