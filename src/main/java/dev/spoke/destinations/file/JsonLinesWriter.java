package dev.spoke.destinations.file;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.spoke.destination.OutgoingRow;
import dev.spoke.destination.RowBatch;
import dev.spoke.destination.WriteResult;
import dev.spoke.destinations.RowJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Writes each row as one JSON object on its own line (JSON Lines, UTF-8), in the shape of {@link RowJson}:
 * <pre>{"key":"42","op":"insert","idempotency_key":"...","fields":{...}}</pre>
 */
final class JsonLinesWriter implements RowFileWriter {
    /** Sizes the batch buffer so that a typical row needs no copy while it grows. */
    private static final int BYTES_PER_ROW_GUESS = 512;

    private final ObjectWriter writer;
    private final JsonNodeFactory nodes;

    JsonLinesWriter(ObjectMapper json) {
        this.writer = RowJson.compactWriter(json);
        this.nodes = json.getNodeFactory();
    }

    @Override
    public WriteResult append(RowBatch batch, DurableFile file) throws IOException {
        ByteArrayOutputStream lines = new ByteArrayOutputStream(batch.rows().size() * BYTES_PER_ROW_GUESS);
        try (JsonGenerator generator = writer.createGenerator(lines)) {
            generator.setRootValueSeparator(null);
            for (OutgoingRow row : batch.rows()) {
                RowJson.write(generator, row, batch.export(), nodes);
                generator.writeRaw('\n');
            }
        }
        file.append(lines.toByteArray());
        return WriteResult.allDelivered(batch);
    }
}
