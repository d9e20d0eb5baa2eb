package io.incidentstreams.enrich.dedup;

/** A raw record that cannot be an article. The processing exception handler sends it to the dead-letter topic. */
public class InvalidArticleException extends RuntimeException {
    public InvalidArticleException(String message) {
        super(message);
    }
}
