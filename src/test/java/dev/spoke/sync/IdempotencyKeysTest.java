package dev.spoke.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Idempotency keys are a contract with receivers across runs and versions: these values must never change. */
class IdempotencyKeysTest {
    @Test
    void aRowVersionHasTheSameKeyInEveryRun() {
        assertThat(IdempotencyKeys.of("orders__hook", "42", "0123456789abcdef0123456789abcdef"))
                .isEqualTo("dabab905488e9a6d4be2cf24a5d128c9d5113d19");
        assertThat(IdempotencyKeys.of("orders__hook", "é🦆\u001f7", "h"))
                .isEqualTo("8df614de1c12d8bfcf585af3c43b78894bd49279");
    }

    @Test
    void anotherExportKeyOrVersionGetsAnotherKey() {
        String key = IdempotencyKeys.of("people__hook", "42", "abc");
        assertThat(IdempotencyKeys.of("people__crm", "42", "abc")).isNotEqualTo(key);
        assertThat(IdempotencyKeys.of("people__hook", "43", "abc")).isNotEqualTo(key);
        assertThat(IdempotencyKeys.of("people__hook", "42", "abd")).isNotEqualTo(key);
    }

    @Test
    void anAppendedRowsKeyIsBoundToItsRun() {
        assertThat(IdempotencyKeys.ofAppend("orders__hook", "42", "abc", "run-1"))
                .isEqualTo("e756b42285aedaf818034d65e0b0f44537961549");
        assertThat(IdempotencyKeys.ofAppend("orders__hook", "42", "abc", "run-2"))
                .isNotEqualTo(IdempotencyKeys.ofAppend("orders__hook", "42", "abc", "run-1"));
    }
}
