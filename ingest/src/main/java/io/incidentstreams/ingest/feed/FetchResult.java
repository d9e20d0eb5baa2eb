package io.incidentstreams.ingest.feed;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** What one HTTP fetch gave. */
public sealed interface FetchResult permits FetchResult.Ok, FetchResult.NotModified, FetchResult.Throttled,
        FetchResult.Failed {

    /**
     * A 2xx response with its whole body, read within the size limit.
     *
     * @param uri         the final URI, after redirects
     * @param body        the body's bytes
     * @param contentType the Content-Type header, or null
     * @param validators  the response's ETag and Last-Modified, for the next conditional request
     */
    record Ok(URI uri, byte[] body, String contentType, Validators validators) implements FetchResult {
        public Ok {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(validators, "validators");
        }
    }

    /** 304: nothing changed since the validators sent. */
    record NotModified() implements FetchResult {
    }

    /**
     * 429 or 503: the server asks us to slow down.
     *
     * @param status     the HTTP status
     * @param retryAfter the delay its Retry-After header asked for, or null when it gave none (or an unreadable one)
     */
    record Throttled(int status, Duration retryAfter) implements FetchResult {
    }

    /**
     * Anything else: a network error, a timeout, a redirect loop, a body over the limit, another status.
     *
     * @param reason    readable by a person, without the URL (the caller names it)
     * @param retriable true when trying again later may succeed (timeouts, connection errors, 5xx)
     */
    record Failed(String reason, boolean retriable) implements FetchResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
