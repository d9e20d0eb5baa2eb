package io.incidentstreams.ingest.feed;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Politeness per host: at least {@code delay} between two requests to one host, and after a 429 or 503 no request
 * to that host until the server's Retry-After has passed (capped at {@code maxWait}) or, without one, an
 * exponential backoff with jitter: {@code base * 2^(n-1)} for the n-th throttle in a row, capped at
 * {@code maxWait}, then scaled by a random factor in [0.5, 1] so that many pollers do not come back in step.
 * A Retry-After gets up to 10 % of jitter on top, never less than asked. Not thread-safe: one poller owns it.
 */
public final class HostGate {
    private final Duration delay;
    private final Duration backoffBase;
    private final Duration maxWait;
    private final Ticker ticker;
    private final RandomGenerator random;
    private final Map<String, Long> freeAt = new HashMap<>();
    private final Map<String, Integer> throttles = new HashMap<>();

    public HostGate(Duration delay, Duration backoffBase, Duration maxWait, Ticker ticker, RandomGenerator random) {
        this.delay = Objects.requireNonNull(delay, "delay");
        this.backoffBase = Objects.requireNonNull(backoffBase, "backoffBase");
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.random = Objects.requireNonNull(random, "random");
    }

    static String hostOf(java.net.URI uri) {
        String host = uri.getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** How long until a request to {@code host} is allowed; zero when it is now. */
    public Duration waitFor(String host) {
        Long at = freeAt.get(host);
        if (at == null) {
            return Duration.ZERO;
        }
        long remaining = at - ticker.nanos();
        return remaining <= 0 ? Duration.ZERO : Duration.ofNanos(remaining);
    }

    /**
     * Waits until {@code host} may be asked, then books the slot: the next request waits {@code delay} more.
     *
     * @return false when the wait was cut short by a stop (the slot is not booked)
     */
    public boolean acquire(String host) throws InterruptedException {
        Duration wait = waitFor(host);
        while (!wait.isZero()) {
            if (!ticker.sleep(wait)) {
                return false;
            }
            wait = waitFor(host);
        }
        freeAt.put(host, ticker.nanos() + delay.toNanos());
        return true;
    }

    /** The host answered normally: its backoff starts over. */
    public void succeeded(String host) {
        throttles.remove(host);
    }

    /**
     * The host answered 429 or 503.
     *
     * @param retryAfter the server's Retry-After, or null
     * @return how long the host is now closed
     */
    public Duration throttled(String host, Duration retryAfter) {
        int n = throttles.merge(host, 1, Integer::sum);
        Duration wait;
        if (retryAfter != null) {
            Duration asked = retryAfter.compareTo(maxWait) > 0 ? maxWait : retryAfter;
            wait = asked.plusNanos((long) (asked.toNanos() * 0.1 * random.nextDouble()));
        } else {
            long exponential = backoffBase.toNanos() << Math.min(n - 1, 30);
            long capped = exponential <= 0 || exponential > maxWait.toNanos() ? maxWait.toNanos() : exponential;
            wait = Duration.ofNanos((long) (capped * (0.5 + 0.5 * random.nextDouble())));
        }
        long until = ticker.nanos() + wait.toNanos();
        freeAt.merge(host, until, Math::max);
        return wait;
    }
}
