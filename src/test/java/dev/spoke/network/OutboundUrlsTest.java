package dev.spoke.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutboundUrlsTest {
    @Test
    void readsHttpAndHttpsUrlsAsOkHttpRequestsThem() {
        assertThat(OutboundUrls.parse(" https://hooks.example.com/spoke?x=1 ", false).host())
                .isEqualTo("hooks.example.com");
        assertThat(OutboundUrls.parse("HTTP://0xA9FEA9FE/latest/", false).host()).isEqualTo("0xa9fea9fe");
        assertThat(OutboundUrls.parse("http://[::1]:8080/", false).host()).isEqualTo("::1");
    }

    @Test
    void refusesOtherSchemesNamingTheScheme() {
        assertThatThrownBy(() -> OutboundUrls.parse("file:///etc/passwd", false))
                .hasMessage("'file:///etc/passwd' has scheme file: spoke sends over http and https only; write the"
                        + " receiver's http(s) address, e.g. https://hooks.example.com/spoke");
        assertThatThrownBy(() -> OutboundUrls.parse("gopher://x", false)).hasMessageStartingWith("'gopher://x' has"
                + " scheme gopher");
        assertThatThrownBy(() -> OutboundUrls.parse("javascript:alert(1)", false))
                .hasMessageContaining("has scheme javascript");
    }

    @Test
    void refusesWhatIsNotAUrlWithoutMistakingAPortForAScheme() {
        assertThatThrownBy(() -> OutboundUrls.parse("hooks.example.com:8080/x", false))
                .hasMessage("'hooks.example.com:8080/x' is not an http or https URL; write it in full, e.g."
                        + " https://hooks.example.com/spoke");
        assertThatThrownBy(() -> OutboundUrls.parse("http://", false)).hasMessageContaining("is not an http or https");
    }

    @Test
    void refusesCredentialsWithoutRepeatingThem() {
        assertThatThrownBy(() -> OutboundUrls.parse("https://user:pw-4f2a@host.example/", false))
                .hasMessage("has credentials in it (user:password@ before host host.example), which spoke never sends"
                        + " and which would sit in plain text; remove them from the URL")
                .hasMessageNotContaining("pw-4f2a");
        assertThatThrownBy(() -> OutboundUrls.parse("ftp://user:pw-4f2a@host.example/", false))
                .hasMessageStartingWith("'ftp://***@host.example/' has scheme ftp")
                .hasMessageNotContaining("pw-4f2a");
    }

    @Test
    void namesNoPartOfAUrlFromTheEnvironment() {
        assertThatThrownBy(() -> OutboundUrls.parse("gopher://secret-host/secret-path", true))
                .hasMessageStartingWith("(from env_var) has scheme gopher")
                .hasMessageNotContaining("secret");
    }
}
