package dev.spoke.destinations.file;

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
    private final ObjectWriter writer;
    private final JsonNodeFactory nodes;

    JsonLinesWriter(ObjectMapper json) {
        this.writer = RowJson.compactWriter(json);
        this.nodes = json.getNodeFactory();
    }

    @Override
    public WriteResult append(RowBatch batch, DurableFile file) throws IOException {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (OutgoingRow row : batch.rows()) {
            lines.write(writer.writeValueAsBytes(RowJson.row(row, batch.export(), nodes)));
            lines.write('\n');
        }
        file.append(lines.toByteArray());
        return WriteResult.allDelivered(batch);
    }
}
