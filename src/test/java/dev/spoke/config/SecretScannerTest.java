package dev.spoke.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretScannerTest {
    @ParameterizedTest
    @ValueSource(strings = {"api_key", "apiKey", "API-KEY", "token", "access_token", "hubspot_token", "password",
            "db_password", "passwd", "secret", "client_secret", "signing_secret", "authorization", "private_key",
            "bearer", "auth_token"})
    void keysThatNameSecrets(String key) {
        assertThat(SecretScanner.namesSecret(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"owner", "token_type", "max_tokens", "secret_name", "password_field", "list_id", "key",
            "public_key_id"})
    void keysThatDoNot(String key) {
        assertThat(SecretScanner.namesSecret(key)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abcdefghijklmnop", "sk_live_abcdefghijklmnop", "rk_test_0123456789ab",
            "whsec_abcdefghijklmnop", "xoxb-123456789012-abcdef", "AKIAIOSFODNN7EXAMPLE",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            "ghp_abcdefghijklmnopqrstuvwxyz0123456789", "0123456789abcdef0123456789abcdef-us21",
            "https://user:hunter2@example.com/hook", "https://hooks.slack.com/services/T000/B000/XXXXXXXX",
            "-----BEGIN RSA PRIVATE KEY-----"})
    void valuesThatLookLikeCredentials(String value) {
        assertThat(SecretScanner.matchingCredential(value)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer_id", "https://hooks.example.com/at-risk", "Bearer", "marketing team",
            "a1b2c3", "2024-01-01T00:00:00Z", "sk_something"})
    void valuesThatDoNot(String value) {
        assertThat(SecretScanner.matchingCredential(value)).isEmpty();
    }
}
