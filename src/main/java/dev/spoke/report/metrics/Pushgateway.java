package dev.spoke.report.metrics;

import static java.util.Objects.requireNonNull;

import dev.spoke.SpokeException;
import dev.spoke.config.SecretRedactor;
import dev.spoke.delivery.DeliverySettings;
import dev.spoke.destination.HttpFailures;
import dev.spoke.network.AddressPolicy;
import dev.spoke.network.OutboundUrls;
import dev.spoke.report.MessageDelivery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Pushes a run's metrics to a Prometheus Pushgateway: {@code PUT <url>/metrics/job/spoke/<label>/<value>...} with the
 * text format, which replaces every metric of that group, so the gateway always holds the last run's. The grouping
 * key is {@code job="spoke"} plus the labels given (the dbt project, the shard); a URL that already names a
 * {@code /metrics/job/...} group is used as it is. Sent through {@link MessageDelivery}: retried on 5xx, 429 and
 * network failures, within a short time budget.
 */
public final class Pushgateway {
    static final String JOB = "spoke";
    /**
     * The address policy of pushes: the default one, whatever spoke.yml's {@code network:} says. The URL is the
     * operator's own flag, not something a model author or a spoke.yml change can set, and Pushgateways live on the
     * cluster's private network, which {@code deny_private} (a rule about where rows may go) must not cut off; the
     * addresses no Pushgateway has (cloud metadata, link-local, ...) stay refused.
     */
    static final AddressPolicy POLICY = AddressPolicy.DEFAULT;
    private static final MediaType TEXT_FORMAT = MediaType.get("text/plain; version=0.0.4; charset=utf-8");
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9_.:-]+");

    private final HttpUrl url;

    private Pushgateway(HttpUrl url) {
        this.url = url;
    }

    /**
     * @param address the gateway ({@code http://pushgateway:9091}) or a full group URL
     * @param grouping labels that tell this run's group apart, in order (e.g. project, shard)
     * @throws SpokeException (CONFIG_ERROR) when {@code address} is not an http(s) URL without credentials, or its
     *     host is one the {@link #POLICY} refuses
     */
    public static Pushgateway at(String address, Map<String, String> grouping) {
        HttpUrl base;
        try {
            base = OutboundUrls.parse(address, false);
        } catch (IllegalArgumentException e) {
            throw SpokeException.config("--metrics-push-url " + e.getMessage(),
                    "Give the Pushgateway's address, e.g. --metrics-push-url http://pushgateway:9091");
        }
        POLICY.checkHost(base.host()).ifPresent(refusal -> {
            throw SpokeException.config("--metrics-push-url: " + refusal.reason(), refusal.fix("--metrics-push-url"));
        });
        if (base.encodedPath().contains("/metrics/job/")) {
            return new Pushgateway(base);
        }
        HttpUrl.Builder group = base.newBuilder().addPathSegment("metrics").addPathSegment("job").addPathSegment(JOB);
        new LinkedHashMap<>(grouping).forEach((label, value) -> addLabel(group, label, value));
        return new Pushgateway(group.build());
    }

    /** The group URL metrics are PUT to. */
    public HttpUrl url() {
        return url;
    }

    /**
     * PUTs {@code text} (Prometheus text format, secrets masked) to the group.
     *
     * @return empty when the gateway accepted it, else why not
     */
    public Optional<String> push(String text, MessageDelivery delivery, Clock clock) {
        requireNonNull(text, "text is null");
        byte[] body = SecretRedactor.global().redact(text).getBytes(StandardCharsets.UTF_8);
        return delivery.send("pushgateway", DeliverySettings.DEFAULTS, POLICY, http -> {
            Request request = new Request.Builder().url(url).put(RequestBody.create(body, TEXT_FORMAT)).build();
            try (Response response = http.newCall(request).execute()) {
                if (!response.isSuccessful()) {
                    throw HttpFailures.classify(response.code(), response.headers(),
                            response.peekBody(4096).string(), clock);
                }
            } catch (IOException e) {
                throw HttpFailures.ioFailure(e);
            }
        });
    }

    /** {@code /label/value}, or {@code /label@base64/<url-safe base64>} for a value with other characters. */
    private static void addLabel(HttpUrl.Builder group, String label, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (PLAIN_VALUE.matcher(value).matches()) {
            group.addPathSegment(label).addPathSegment(value);
        } else {
            group.addPathSegment(label + "@base64").addPathSegment(Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
