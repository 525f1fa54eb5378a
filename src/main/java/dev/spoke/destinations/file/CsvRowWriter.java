package dev.spoke.destinations.file;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.spoke.destination.OutgoingRow;
import dev.spoke.destination.RowBatch;
import dev.spoke.destination.RowKey;
import dev.spoke.destination.RowOutcome;
import dev.spoke.destination.WriteResult;
import dev.spoke.destinations.RowJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes rows as CSV (RFC 4180 quoting, UTF-8, {@code \n} line ends) under a header of {@code _op}, {@code _key} and
 * the flattened fields ({@link CsvCells}). The header is taken from the file when it already has one (appending
 * across runs, or resuming a crashed run), else from the fields of the first batch. A later row that brings a field
 * the header lacks widens the file: it is rewritten atomically with the new columns added at the end, earlier rows
 * leaving them empty, so no value is ever dropped. A row whose fields collide once flattened is rejected.
 */
final class CsvRowWriter implements RowFileWriter {
    private final ObjectWriter recordWriter;
    private final ObjectReader recordReader;
    private final ObjectWriter json;
    private final JsonNodeFactory nodes;
    private List<String> columns;

    CsvRowWriter(ObjectMapper json) {
        CsvMapper csv = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
        this.recordWriter = csv.writer(CsvSchema.emptySchema());
        this.recordReader = csv.readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY);
        this.json = RowJson.compactWriter(json);
        this.nodes = json.getNodeFactory();
    }

    @Override
    public WriteResult append(RowBatch batch, DurableFile file) throws IOException {
        if (columns == null && file.size() > 0) {
            columns = readHeader(file);
        }
        Map<RowKey, RowOutcome> rejected = new LinkedHashMap<>();
        List<Map<String, String>> records = new ArrayList<>();
        Set<String> batchColumns = new LinkedHashSet<>(List.of(CsvCells.OP, CsvCells.KEY));
        for (OutgoingRow row : batch.rows()) {
            try {
                Map<String, String> cells = CsvCells.of(row, batch.export(), json, nodes);
                records.add(cells);
                batchColumns.addAll(cells.keySet());
            } catch (IllegalArgumentException e) {
                rejected.put(row.key(), RowOutcome.rejected(e.getMessage()));
            }
        }
        if (records.isEmpty()) {
            return WriteResult.deliveredExcept(batch, rejected);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (columns == null) {
            columns = List.copyOf(batchColumns);
            out.write(recordWriter.writeValueAsBytes(columns));
        } else if (!columns.containsAll(batchColumns)) {
            widen(file, batchColumns);
        }
        for (Map<String, String> cells : records) {
            out.write(recordWriter.writeValueAsBytes(columns.stream().map(c -> cells.getOrDefault(c, "")).toList()));
        }
        file.append(out.toByteArray());
        return WriteResult.deliveredExcept(batch, rejected);
    }

    private List<String> readHeader(DurableFile file) throws IOException {
        try (InputStream in = Files.newInputStream(file.path());
             MappingIterator<List<String>> records = recordReader.readValues(in)) {
            List<String> header = records.hasNext() ? records.next() : List.of();
            if (header.size() < 2 || !header.get(0).equals(CsvCells.OP) || !header.get(1).equals(CsvCells.KEY)) {
                throw new IOException(file.path() + " is not a CSV file written by spoke (its header does not start"
                        + " with _op,_key); move it away, or set another path");
            }
            return List.copyOf(header);
        }
    }

    /** Rewrites the file with the missing columns added at the end of the header, earlier rows padded. */
    private void widen(DurableFile file, Set<String> batchColumns) throws IOException {
        List<String> widened = new ArrayList<>(columns);
        batchColumns.stream().filter(c -> !columns.contains(c)).forEach(widened::add);
        file.rewrite(out -> copyPadded(file, widened, out));
        columns = List.copyOf(widened);
    }

    private void copyPadded(DurableFile file, List<String> widened, OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(file.path());
             MappingIterator<List<String>> records = recordReader.readValues(in)) {
            if (records.hasNext()) {
                records.next();
            }
            out.write(recordWriter.writeValueAsBytes(widened));
            while (records.hasNext()) {
                List<String> record = new ArrayList<>(records.next());
                while (record.size() < widened.size()) {
                    record.add("");
                }
                out.write(recordWriter.writeValueAsBytes(record));
            }
        }
    }
}
