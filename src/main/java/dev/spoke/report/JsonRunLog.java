package dev.spoke.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spoke.config.SecretRedactor;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One JSON object per line, for log collectors: {@code {"ts":..., "level":"info", "event":..., "run_id":...,
 * "export":..., "destination":..., "message":..., ...fields}}. {@code run_id}, {@code export} and {@code destination}
 * are on every line, {@code null} when the event is not about one. Secrets are masked in the serialized line,
 * whatever field they hid in.
 */
public final class JsonRunLog implements RunLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keys every line carries, {@code null} when the event is not about one (a run-wide event has no export). */
    static final List<String> ALWAYS = List.of("run_id", "export", "destination");

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
        for (String key : ALWAYS) {
            line.set(key, JSON.valueToTree(fields.get(key)));
        }
        line.put("message", message);
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (!ALWAYS.contains(field.getKey())) {
                line.set(field.getKey(), JSON.valueToTree(field.getValue()));
            }
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
