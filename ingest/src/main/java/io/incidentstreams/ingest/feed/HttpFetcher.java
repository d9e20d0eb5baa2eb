package io.incidentstreams.ingest.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GETs feeds and pages with {@link HttpClient}: a User-Agent, a connect timeout and a timeout on the whole exchange
 * (a server that trickles its body is cut off too), conditional requests, a body limit enforced while reading (a
 * larger Content-Length is refused before any byte is read), and redirects followed by hand so that a loop or a
 * long chain ends with a reason, and only to http or https.
 *
 * <p>Only public hosts: before the first request and before every redirect, the host is resolved and refused when
 * any of its addresses is loopback, link-local, private or otherwise not public ({@link PublicAddresses}), unless
 * {@link Settings#allowPrivateHosts()}. A hostile feed can then not make the poller fetch and publish internal pages.
 * The HTTP client resolves the name again to connect, so a DNS server that answers differently within that moment
 * is not caught.
 *
 * <p>It never retries and never waits: 429 and 503 come back as {@link FetchResult.Throttled} with the server's
 * Retry-After, and the caller's {@link HostGate} decides when to come back. Thread-safe.
 */
public final class HttpFetcher implements AutoCloseable {
    /**
     * @param userAgent      sent with every request; name the tool and a contact, as outlets ask
     * @param connectTimeout to open a connection
     * @param timeout        for the whole exchange of one request: headers and body
     * @param maxRedirects   redirects followed before giving up
     * @param allowPrivateHosts fetch from loopback, link-local and private addresses too (off by default)
     */
    public record Settings(String userAgent, Duration connectTimeout, Duration timeout, int maxRedirects,
                           boolean allowPrivateHosts) {
        /** Names the tool; add a contact address with {@code --user-agent}, as many outlets ask. */
        public static final String DEFAULT_USER_AGENT = "incident-streams/0.1 (news incident monitor)";

        public Settings {
            Objects.requireNonNull(userAgent, "userAgent");
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(timeout, "timeout");
            if (maxRedirects < 0) {
                throw new IllegalArgumentException("maxRedirects must not be negative, got " + maxRedirects);
            }
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_USER_AGENT, Duration.ofSeconds(10), Duration.ofSeconds(30), 5, false);
        }

        public Settings withTimeout(Duration newTimeout) {
            return new Settings(userAgent, newTimeout.compareTo(connectTimeout) < 0 ? newTimeout : connectTimeout,
                    newTimeout, maxRedirects, allowPrivateHosts);
        }

        public Settings withUserAgent(String agent) {
            return new Settings(agent, connectTimeout, timeout, maxRedirects, allowPrivateHosts);
        }

        public Settings withAllowPrivateHosts(boolean allow) {
            return new Settings(userAgent, connectTimeout, timeout, maxRedirects, allow);
        }
    }

    private final Settings settings;
    private final HttpClient client;

    public HttpFetcher(Settings settings) {
        this(settings, null);
    }

    /** With a proxy for every request: tests reach a local server under a public address this way. */
    HttpFetcher(Settings settings, ProxySelector proxy) {
        this.settings = Objects.requireNonNull(settings, "settings");
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout());
        if (proxy != null) {
            builder.proxy(proxy);
        }
        this.client = builder.build();
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Fetches {@code uri}, following redirects.
     *
     * @param validators sent as If-None-Match / If-Modified-Since; {@link Validators#NONE} for an unconditional GET
     * @param maxBytes   largest body accepted
     * @param accept     the Accept header
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public FetchResult get(URI uri, Validators validators, long maxBytes, String accept) throws InterruptedException {
        Set<URI> visited = new HashSet<>();
        URI current = uri;
        for (int hop = 0; ; hop++) {
            if (!isHttp(current)) {
                return new FetchResult.Failed("not an http or https URL: " + current, false);
            }
            if (!visited.add(current)) {
                return new FetchResult.Failed("redirect loop: " + current + " was already visited", false);
            }
            if (hop > settings.maxRedirects()) {
                return new FetchResult.Failed("more than " + settings.maxRedirects() + " redirects", false);
            }
            FetchResult.Failed refused = settings.allowPrivateHosts() ? null : refusedHost(current);
            if (refused != null) {
                return hop == 0 ? refused
                        : new FetchResult.Failed("redirect to " + current + " " + refused.reason(), refused.retriable());
            }
            HttpResponse<byte[]> response;
            try {
                response = exchange(current, validators, maxBytes, accept);
            } catch (Failure f) {
                return f.result;
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                var headers = response.headers();
                return new FetchResult.Ok(current, response.body(), headers.firstValue("Content-Type").orElse(null),
                        new Validators(headers.firstValue("ETag").orElse(null),
                                headers.firstValue("Last-Modified").orElse(null)));
            }
            if (status == 304) {
                return new FetchResult.NotModified();
            }
            if (status == 429 || status == 503) {
                return new FetchResult.Throttled(status,
                        RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Instant.now()));
            }
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null || location.isBlank()) {
                    return new FetchResult.Failed("HTTP " + status + " without a Location", false);
                }
                try {
                    current = current.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    return new FetchResult.Failed("HTTP " + status + " to an invalid Location: " + location, false);
                }
                continue;
            }
            return new FetchResult.Failed("HTTP " + status, status >= 500);
        }
    }

    private HttpResponse<byte[]> exchange(URI uri, Validators validators, long maxBytes, String accept)
            throws InterruptedException, Failure {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", accept)
                .GET();
        if (validators.etag() != null) {
            request.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        CompletableFuture<HttpResponse<byte[]>> future;
        try {
            future = client.sendAsync(request.build(), info -> bodyOf(info, maxBytes));
        } catch (IllegalArgumentException e) {
            throw new Failure(new FetchResult.Failed("invalid request: " + e.getMessage(), false));
        }
        try {
            return future.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new Failure(new FetchResult.Failed("no complete response within " + seconds(settings.timeout()),
                    true));
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw new Failure(describe(e.getCause()));
        }
    }

    private FetchResult.Failed describe(Throwable cause) {
        if (cause instanceof BodyTooLarge tooLarge) {
            return new FetchResult.Failed(tooLarge.getMessage(), false);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchResult.Failed("cannot connect within " + seconds(settings.connectTimeout()), true);
        }
        if (cause instanceof HttpTimeoutException) {
            return new FetchResult.Failed("no complete response within " + seconds(settings.timeout()), true);
        }
        Throwable root = cause;
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodyTooLarge tooLarge) {
                return new FetchResult.Failed(tooLarge.getMessage(), false);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                root = t;
                break;
            }
            root = t;
        }
        if (root instanceof UnknownHostException) {
            return new FetchResult.Failed("unknown host: " + root.getMessage(), true);
        }
        if (root instanceof ConnectException) {
            return new FetchResult.Failed("cannot connect: " + (root.getMessage() == null ? "connection refused"
                    : root.getMessage()), true);
        }
        if (root instanceof IOException) {
            return new FetchResult.Failed("network error: " + message(root), true);
        }
        return new FetchResult.Failed("request failed: " + message(root), false);
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Why {@code uri}'s host is refused, or null when every address it resolves to is public. */
    private static FetchResult.Failed refusedHost(URI uri) {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return new FetchResult.Failed("unknown host: " + host, true);
        }
        for (InetAddress address : addresses) {
            String kind = PublicAddresses.nonPublicKind(address);
            if (kind != null) {
                String ip = address.getHostAddress();
                return new FetchResult.Failed("refused: " + host + " is a " + kind + " address"
                        + (ip.equalsIgnoreCase(host) ? "" : " (" + ip + ")") + "; --allow-private-hosts allows it",
                        false);
            }
        }
        return null;
    }

    private static boolean isHttp(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null || uri.getHost() == null) {
            return false;
        }
        String s = scheme.toLowerCase(Locale.ROOT);
        return s.equals("http") || s.equals("https");
    }

    static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** Only 2xx bodies are kept; any other body is discarded unread. */
    private static HttpResponse.BodySubscriber<byte[]> bodyOf(HttpResponse.ResponseInfo info, long maxBytes) {
        if (info.statusCode() < 200 || info.statusCode() >= 300) {
            return HttpResponse.BodySubscribers.replacing(new byte[0]);
        }
        OptionalLong length = info.headers().firstValueAsLong("Content-Length");
        if (length.isPresent() && length.getAsLong() > maxBytes) {
            return new LimitedBody(maxBytes, new BodyTooLarge("Content-Length " + length.getAsLong()
                    + " exceeds the limit of " + maxBytes + " bytes"));
        }
        return new LimitedBody(maxBytes, null);
    }

    /** A body over the limit. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge(String message) {
            super(message);
        }
    }

    /** Carries a result out of the exchange. */
    private static final class Failure extends Exception {
        final transient FetchResult.Failed result;

        Failure(FetchResult.Failed result) {
            super(result.reason(), null, false, false);
            this.result = result;
        }
    }

    /** Collects a body up to a limit and cancels the stream as soon as it is exceeded. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long maxBytes;
        private final BodyTooLarge refused;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private Flow.Subscription subscription;
        private long received;

        LimitedBody(long maxBytes, BodyTooLarge refused) {
            this.maxBytes = maxBytes;
            this.refused = refused;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (refused != null) {
                s.cancel();
                result.completeExceptionally(refused);
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : items) {
                received += buffer.remaining();
                if (received > maxBytes) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLarge("body exceeds the limit of " + maxBytes + " bytes"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }

    @Override
    public void close() {
        // HttpClient is AutoCloseable only from Java 21; its threads end once it is unreachable.
    }
}
