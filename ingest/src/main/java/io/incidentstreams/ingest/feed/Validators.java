package io.incidentstreams.ingest.feed;

/**
 * The validators of a conditional GET: the last response's {@code ETag} and {@code Last-Modified}, sent back as
 * {@code If-None-Match} and {@code If-Modified-Since}. Either may be null.
 */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
