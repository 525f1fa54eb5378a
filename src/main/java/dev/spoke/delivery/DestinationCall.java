package dev.spoke.delivery;

import dev.spoke.destination.DestinationException;

/** One request to a destination: a write or a poll. */
@FunctionalInterface
interface DestinationCall<T> {
    T call() throws DestinationException;
}
