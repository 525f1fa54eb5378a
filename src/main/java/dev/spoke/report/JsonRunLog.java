package dev.spoke.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spoke.config.SecretRedactor;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * One JSON object per line, for log collectors: {@code {"ts":..., "level":"info", "event":..., "message":...,
 * "run_id":..., "export":..., ...fields}}. Secrets are masked in the serialized line, whatever field they hid in.
 */
public final class JsonRunLog implements RunLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final Clock clock;
    private final Level minimum;

    public JsonRunLog(PrintStream out, Clock clock, Level minimum) {
        this.out = requireNonNull(out, "out is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.minimum = requireNonNull(minimum, "minimum is null");
    }

    @Override
    public void log(Level level, String event, String message, Map<String, Object> fields) {
        if (level.compareTo(minimum) < 0) {
            return;
        }
        ObjectNode line = JSON.createObjectNode();
        line.put("ts", clock.instant().toString());
        line.put("level", level.name().toLowerCase(Locale.ROOT));
        line.put("event", event);
        line.put("message", message);
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            line.set(field.getKey(), JSON.valueToTree(field.getValue()));
        }
        String text;
        try {
            text = JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            text = "{\"level\":\"error\",\"event\":\"log.unserializable\",\"message\":" + JSON.getNodeFactory().textNode(event) + "}";
        }
        synchronized (out) {
            out.println(SecretRedactor.global().redact(text));
        }
    }
}
