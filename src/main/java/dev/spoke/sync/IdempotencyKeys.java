package dev.spoke.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The idempotency key of a row version: the same every time the same version of the same row is sent to the same
 * export, in this run or a later one (DESIGN decision 2), so a receiver can drop a repeat after a crash. In append
 * mode every run sends every row anew, so the run id is part of the key.
 */
public final class IdempotencyKeys {
    private static final HexFormat HEX = HexFormat.of();
    /** 20 bytes: the 40 hex characters of a key. */
    private static final int KEY_BYTES = 20;
    /** One digest per thread: looking one up costs more than hashing a key, once per row. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(IdempotencyKeys::newSha256);

    private IdempotencyKeys() {
    }

    /** 40 hex characters of sha256(export id, key, row hash). */
    public static String of(String exportId, String key, String rowHash) {
        return sha256(exportId + '\n' + key + '\n' + rowHash);
    }

    /** For append mode: also bound to the run. */
    public static String ofAppend(String exportId, String key, String rowHash, String runId) {
        return sha256(exportId + '\n' + key + '\n' + rowHash + '\n' + runId);
    }

    private static String sha256(String text) {
        byte[] digest = SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(digest, 0, KEY_BYTES);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
