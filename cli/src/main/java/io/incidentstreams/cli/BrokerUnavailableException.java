package io.incidentstreams.cli;

/** No broker to talk to: none answers at the given address in time, or the embedded one cannot start. Exit 1. */
final class BrokerUnavailableException extends RuntimeException {
    BrokerUnavailableException(String message) {
        super(message, null, false, false);
    }
}
