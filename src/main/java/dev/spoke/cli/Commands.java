package dev.spoke.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spoke.config.SecretRedactor;
import dev.spoke.report.LoggingDeliveryListener;
import dev.spoke.report.RunLog;
import java.util.Map;
import java.util.UUID;
import dev.spoke.sync.SyncEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Small pieces every command shares. */
final class Commands {
    private Commands() {
    }

    static SyncEngine engine(CliServices services, OutputOptions output) {
        RunLog log = output.log(services.err(), services.clock()).with(Map.of("run_id", newRunId()));
        return new SyncEngine(services.registry(), services.clock(), log, new SimpleMeterRegistry(),
                new LoggingDeliveryListener(log), services.stop());
    }

    /** A new run id: every log line of a command carries it, and a sync's run results too. */
    static String newRunId() {
        return UUID.randomUUID().toString();
    }

    static String redact(String text) {
        return SecretRedactor.global().redact(text);
    }

    static String toJson(ObjectMapper mapper, JsonNode node) {
        try {
            return SecretRedactor.global().redact(mapper.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
