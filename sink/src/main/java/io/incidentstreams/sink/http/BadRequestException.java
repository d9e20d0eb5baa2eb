package io.incidentstreams.sink.http;

/** A request parameter the API cannot accept: answered with 400 and the reason. */
public final class BadRequestException extends RuntimeException {
    private final String parameter;

    public BadRequestException(String parameter, String reason) {
        super(reason);
        this.parameter = parameter;
    }

    /** The parameter or header at fault. */
    public String parameter() {
        return parameter;
    }
}
