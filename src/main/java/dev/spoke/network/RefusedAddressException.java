package dev.spoke.network;

import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A connection the {@link AddressPolicy} refused: the host, or an address it resolved to, is one spoke never sends
 * to. An {@link UnknownHostException}, so that it travels through OkHttp as a resolver's failure does, before any
 * socket is opened; the delivery layer recognizes it ({@link #findIn}) and treats it as fatal for the run, since no
 * retry can change where a name points within one run.
 */
public final class RefusedAddressException extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    /** @param message the connection, the host, the address, and how to fix it */
    public RefusedAddressException(String message) {
        super(message);
    }

    /** The refusal behind {@code failure}, if one is among its causes or suppressed exceptions. */
    public static Optional<RefusedAddressException> findIn(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        return find(failure, seen);
    }

    private static Optional<RefusedAddressException> find(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return Optional.empty();
        }
        if (failure instanceof RefusedAddressException refused) {
            return Optional.of(refused);
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            Optional<RefusedAddressException> found = find(suppressed, seen);
            if (found.isPresent()) {
                return found;
            }
        }
        return find(failure.getCause(), seen);
    }
}
