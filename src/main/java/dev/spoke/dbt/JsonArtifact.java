package dev.spoke.dbt;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spoke.ExitCode;
import dev.spoke.SpokeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One dbt JSON artifact being read ({@code manifest.json}, {@code run_results.json}): opens it for streaming, reads
 * the parts a reader keeps, and turns every way of failing into one {@link SpokeException} that names the file, the
 * line and column, and how to get a good file again.
 */
final class JsonArtifact {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            // dbt embeds compiled SQL in artifacts; a generated model can exceed Jackson's default string limit.
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build());
    private static final Pattern SOURCE_IN_MESSAGE =
            Pattern.compile("\\s*\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]");

    private final Path file;
    private final String kind;
    private final String hint;

    /**
     * @param file the artifact
     * @param kind what it is, for messages, e.g. {@code dbt manifest}
     * @param hint how to write a good one again
     */
    JsonArtifact(Path file, String kind, String hint) {
        this.file = requireNonNull(file, "file is null");
        this.kind = requireNonNull(kind, "kind is null");
        this.hint = requireNonNull(hint, "hint is null");
    }

    Path file() {
        return file;
    }

    /** A streaming parser over the file; a missing or unreadable file is a {@link SpokeException}. */
    JsonParser open() {
        if (Files.isDirectory(file)) {
            throw SpokeException.config(kind + " " + file + " is a directory, not a file", hint);
        }
        try {
            return MAPPER.createParser(Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw SpokeException.config(kind + " not found: " + file, hint);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    SpokeException unreadable(IOException e) {
        if (e instanceof JsonProcessingException json) {
            return malformed(json);
        }
        return new SpokeException(ExitCode.CONFIG_ERROR,
                "cannot read " + kind + " " + file + ": " + e.getMessage(), hint, e);
    }

    /** The file is not valid JSON (truncated, damaged, not JSON at all). */
    SpokeException malformed(JsonProcessingException e) {
        String reason = SOURCE_IN_MESSAGE.matcher(String.valueOf(e.getOriginalMessage()))
                .replaceAll(" (opened at line $1, column $2)");
        if (e instanceof JsonEOFException) {
            reason = "the file ends too early, as if cut off while it was written (" + reason + ")";
        }
        return new SpokeException(ExitCode.CONFIG_ERROR,
                kind + " " + file + " is not valid JSON at " + position(e.getLocation()) + ": " + reason, hint, e);
    }

    /** The file is JSON but not the artifact expected, or a part of it has the wrong shape. */
    SpokeException invalid(JsonLocation where, String problem) {
        return SpokeException.config(kind + " " + file + " at " + position(where) + ": " + problem, hint);
    }

    static String position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "an unknown position";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Moves to the value's first token and fails unless it is the one expected. */
    void expect(JsonParser parser, JsonToken expected, String what) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != expected) {
            throw invalid(parser.currentTokenLocation(), what + " must be " + describe(expected) + ", found "
                    + describe(token));
        }
    }

    /** Reads {@code {"id": ["id", ...], ...}}, or {@code null} for a JSON null, as dbt writes parent and child maps. */
    Map<String, List<String>> readStringListMap(JsonParser parser, String what) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(parser, JsonToken.START_OBJECT, what);
        Map<String, List<String>> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            expect(parser, JsonToken.START_ARRAY, what + " entry '" + key + "'");
            List<String> values = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                expect(parser, JsonToken.VALUE_STRING, what + " entry '" + key + "' item");
                values.add(parser.getText());
            }
            map.put(key, List.copyOf(values));
        }
        return map;
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }
}
