package dev.spoke.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spoke.config.SecretRedactor;
import dev.spoke.delivery.DeliveryListener;
import dev.spoke.sync.SyncEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Small pieces every command shares. */
final class Commands {
    private Commands() {
    }

    static SyncEngine engine(CliServices services, OutputOptions output) {
        return new SyncEngine(services.registry(), services.clock(), output.log(services.err(), services.clock()),
                new SimpleMeterRegistry(), DeliveryListener.NONE, services.stop());
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
