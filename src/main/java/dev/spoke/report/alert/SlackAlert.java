package dev.spoke.report.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spoke.config.Secret;
import dev.spoke.config.SecretRedactor;
import dev.spoke.destination.DestinationException;
import dev.spoke.destination.HttpFailures;
import dev.spoke.network.AddressPolicy;
import dev.spoke.network.OutboundUrls;
import dev.spoke.report.MessageDelivery;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Posts an {@link AlertSummary} to a Slack incoming webhook: {@code {"text": <fallback>, "blocks": [...]}} (a header,
 * the counts, the exports, the first reasons, the run id). Slack answers HTTP 200 with the text {@code ok}; any other
 * 200 body is a refusal, and its 4xx/5xx answers carry a plain-text reason ({@code invalid_payload},
 * {@code channel_not_found}, ...): 429 and 5xx are retried, the rest are not. The URL is the credential: it is never
 * printed, and a message that quotes it is masked.
 */
final class SlackAlert {
    /** Slack's limit for the text of a section block. */
    static final int MAX_SECTION = 3000;
    private static final int MAX_HEADER = 150;
    private static final MediaType JSON_UTF8 = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackAlert() {
    }

    /** The message body. */
    static ObjectNode message(AlertSummary summary) {
        ObjectNode body = JSON.createObjectNode();
        body.put("text", clip(summary.title() + ": " + summary.reason(), MAX_SECTION));
        ArrayNode blocks = body.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", clip(summary.title(), MAX_HEADER));
        section(blocks, "*" + escape(summary.reason()) + "*\n" + escape(summary.countsLine()));
        section(blocks, bullets(summary.exportLines()));
        List<String> reasons = summary.firstReasons();
        if (!reasons.isEmpty()) {
            section(blocks, "*First reasons*\n" + bullets(reasons));
        }
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text", "run " + summary.outcome().runId()
                + " · exit code " + summary.outcome().exitCode().code());
        return body;
    }

    /**
     * Sends the summary; empty when Slack said ok, else why not.
     *
     * @param policy spoke.yml's network policy, enforced on the webhook's host when connecting
     */
    static java.util.Optional<String> send(AlertSummary summary, Secret webhookUrl, MessageDelivery delivery,
            dev.spoke.delivery.DeliverySettings settings, AddressPolicy policy, Clock clock) {
        HttpUrl url;
        try {
            url = OutboundUrls.parse(webhookUrl.reveal(), true);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of("the Slack webhook URL (" + webhookUrl.source() + ") " + e.getMessage());
        }
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(JSON.readTree(SecretRedactor.global().redact(
                    JSON.writeValueAsString(message(summary)))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
        return delivery.send("Slack", settings, policy, http -> {
            Request request = new Request.Builder().url(url).post(RequestBody.create(body, JSON_UTF8)).build();
            try (Response response = http.newCall(request).execute()) {
                String answer = response.peekBody(4096).string().strip();
                if (response.isSuccessful() && answer.equals("ok")) {
                    return;
                }
                if (response.isSuccessful()) {
                    throw DestinationException.fatal("Slack answered HTTP " + response.code() + " with '"
                            + clip(answer, 200) + "' instead of 'ok'", response.code());
                }
                throw HttpFailures.classify(response.code(), response.headers(), answer, clock);
            } catch (IOException e) {
                throw HttpFailures.ioFailure(e);
            }
        });
    }

    private static void section(ArrayNode blocks, String text) {
        if (text.isBlank()) {
            return;
        }
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                .put("text", clip(text, MAX_SECTION));
    }

    private static String bullets(List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append("• ").append(escape(line)).append('\n'));
        return text.toString().strip();
    }

    /** Slack mrkdwn control characters: &, <, >. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
