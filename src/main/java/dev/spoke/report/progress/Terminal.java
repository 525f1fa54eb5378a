package dev.spoke.report.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the process's stderr is a terminal a person watches. Java tells only whether stdin and stdout are
 * ({@link System#console()}); on Linux, {@code /proc/self/fd/2} tells where stderr goes, so {@code spoke sync 2>log}
 * on a terminal draws nothing into the log.
 */
public final class Terminal {
    private Terminal() {
    }

    /** True when stdin and stdout are a terminal, and stderr is one too as far as the system can tell. */
    public static boolean stderrIsTerminal() {
        if (System.console() == null) {
            return false;
        }
        Path stderr = Path.of("/proc/self/fd/2");
        if (!Files.exists(stderr, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try {
            return isTerminalDevice(Files.readSymbolicLink(stderr).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return true;
        }
    }

    /** Whether a device path is a terminal: {@code /dev/pts/3}, {@code /dev/tty1}, {@code /dev/console}. */
    static boolean isTerminalDevice(String path) {
        return path.startsWith("/dev/pts/") || path.startsWith("/dev/tty") || path.equals("/dev/console");
    }
}
