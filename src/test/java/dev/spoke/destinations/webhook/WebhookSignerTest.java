package dev.spoke.destinations.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {
    /** The official Standard Webhooks test vector (libraries/csharp WebhookTest.verifyWebhookSignWorks). */
    static final String SW_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String SW_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long SW_TIMESTAMP = 1614265330L;
    static final String SW_BODY = "{\"test\": 2432232314}";
    static final String SW_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsTheStandardWebhooksTestVector() {
        WebhookSigner signer = WebhookSigner.fromSecret(SW_SECRET);

        assertThat(signer.sign(SW_ID, SW_TIMESTAMP, SW_BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(SW_SIGNATURE);
    }

    @Test
    void usesTheUtf8BytesOfASecretWithoutThePrefix() throws Exception {
        String secret = "It's a Secret to Everybody";
        byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);

        String signature = WebhookSigner.fromSecret(secret).sign("msg_1", 1700000000L, body);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update("msg_1.1700000000.".getBytes(StandardCharsets.UTF_8));
        assertThat(signature).isEqualTo("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body)));
    }

    @Test
    void signsDifferentContentDifferently() {
        WebhookSigner signer = WebhookSigner.fromSecret(SW_SECRET);
        byte[] body = SW_BODY.getBytes(StandardCharsets.UTF_8);

        assertThat(signer.sign(SW_ID, SW_TIMESTAMP + 1, body)).isNotEqualTo(SW_SIGNATURE);
        assertThat(signer.sign("msg_other", SW_TIMESTAMP, body)).isNotEqualTo(SW_SIGNATURE);
    }

    @Test
    void refusesAWhsecSecretThatIsNotBase64WithoutShowingIt() {
        assertThatThrownBy(() -> WebhookSigner.fromSecret("whsec_not*base64!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whsec_")
                .hasMessageContaining("not valid base64")
                .hasMessageNotContaining("not*base64!");
    }

    @Test
    void refusesEmptySecrets() {
        assertThatThrownBy(() -> WebhookSigner.fromSecret(" ")).hasMessageContaining("signing_secret is empty");
        assertThatThrownBy(() -> WebhookSigner.fromSecret("whsec_")).hasMessageContaining("nothing after it");
    }

    @Test
    void neverPrintsItsKey() {
        assertThat(WebhookSigner.fromSecret(SW_SECRET).toString()).doesNotContain("MfKQ9r8");
    }
}
