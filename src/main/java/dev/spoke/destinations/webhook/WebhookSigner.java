package dev.spoke.destinations.webhook;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook requests the Standard Webhooks way ({@code v1}, HMAC-SHA256): the signed content is
 * {@code <webhook-id>.<webhook-timestamp>.<body bytes>}, and the header value is {@code v1,<base64 signature>}.
 *
 * <p>The key comes from the signing secret: a secret written as {@code whsec_<base64>} (the form Standard Webhooks
 * receivers show) has the prefix stripped and the rest base64-decoded; any other secret is used as its UTF-8
 * bytes, for receivers that hand out a plain shared secret. Thread-safe: a {@link Mac} is made per signature.
 */
public final class WebhookSigner {
    private static final String PREFIX = "whsec_";
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;

    private WebhookSigner(byte[] key) {
        this.key = key;
    }

    /**
     * @param secret the signing secret, {@code whsec_<base64>} or plain text
     * @throws IllegalArgumentException when the secret is empty or its {@code whsec_} part is not base64; the
     *     message never contains the secret
     */
    public static WebhookSigner fromSecret(String secret) {
        requireNonNull(secret, "secret is null");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("signing_secret is empty; set it to the secret the receiver gave you");
        }
        if (!secret.startsWith(PREFIX)) {
            return new WebhookSigner(secret.getBytes(StandardCharsets.UTF_8));
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signing_secret starts with whsec_ but the rest is not valid base64;"
                    + " copy the whole secret the receiver shows (whsec_ followed by base64)");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("signing_secret is whsec_ with nothing after it;"
                    + " copy the whole secret the receiver shows");
        }
        return new WebhookSigner(key);
    }

    /** The {@code webhook-signature} header value: {@code v1,<base64 HMAC-SHA256(key, id.timestamp.body)>}. */
    public String sign(String messageId, long timestampSeconds, byte[] body) {
        requireNonNull(messageId, "messageId is null");
        requireNonNull(body, "body is null");
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSigner[v1]";
    }
}
