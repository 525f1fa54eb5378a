package dev.spoke.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {
    @Test
    void theSameRowVersionAlwaysGetsTheSameKey() {
        assertThat(IdempotencyKeys.of("people__hook", "42", "abc"))
                .isEqualTo(IdempotencyKeys.of("people__hook", "42", "abc"))
                .hasSize(40)
                .matches("[0-9a-f]+");
    }

    @Test
    void anotherExportKeyOrVersionGetsAnotherKey() {
        String key = IdempotencyKeys.of("people__hook", "42", "abc");
        assertThat(IdempotencyKeys.of("people__crm", "42", "abc")).isNotEqualTo(key);
        assertThat(IdempotencyKeys.of("people__hook", "43", "abc")).isNotEqualTo(key);
        assertThat(IdempotencyKeys.of("people__hook", "42", "abd")).isNotEqualTo(key);
    }

    @Test
    void appendKeysDifferFromRunToRun() {
        assertThat(IdempotencyKeys.ofAppend("feed", "1", "h", "run-1"))
                .isNotEqualTo(IdempotencyKeys.ofAppend("feed", "1", "h", "run-2"))
                .isEqualTo(IdempotencyKeys.ofAppend("feed", "1", "h", "run-1"));
    }
}
