package io.incidentstreams.sink.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.incidentstreams.serde.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API over an {@link IncidentView}, and the timeline page. Javalin on Jetty.
 *
 * <pre>
 * GET /                    the timeline page (static files from /web on the classpath)
 * GET /incidents           filtered, paged list: from, to, type, place, actor, bbox, limit, cursor
 * GET /incidents/{id}      one incident; 308 to the survivor for a merged-away id; 410 deleted; 404 unknown
 * GET /incidents/stream    Server-Sent Events: upsert and delete, ids are stream positions (Last-Event-ID resumes)
 * GET /health              200 when the view has caught up and every component is healthy, else 503
 * GET /metrics             view lag and counts, stream clients, components (Kafka Streams state)
 * GET /metrics/prometheus  request counts and latency, view lag, the view consumer's Kafka client metrics (Prometheus text)
 * GET /openapi.json        the OpenAPI 3.1 document of this API
 * GET /schema/*.json       the record schemas
 * </pre>
 *
 * Every error is JSON: {@code {"status": 400, "error": "Bad Request", "reason": "..."}}.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    private static final Pattern INCIDENT_ID = Pattern.compile("inc-[0-9a-f]{16}");
    static final String LAST_EVENT_ID = "Last-Event-ID";
    /**
     * Sent with the page and its files: scripts, styles and requests from this server only, no inline script, no
     * plugins, no framing, no form posts.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Map<String, String> PAGE_HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer");
    private static final String FROM = "incidents.stream.from";
    private static final byte[] OPENAPI = resource("/openapi/openapi.json");
    private static final String RESERVED = "incidents.stream.reserved";
    /** Every endpoint only reads. */
    static final String ALLOW = "GET, HEAD";

    /**
     * @param bind             address to listen on (127.0.0.1 by default: nothing here is authenticated)
     * @param port             port, 0 for any free one
     * @param maxStreams       most stream clients at once; more are refused with 503
     * @param streamBuffer     changes a stream client may fall behind by before its stream is ended (it resumes)
     * @param heartbeatMillis  idle time after which a stream sends a comment, to keep proxies and clients awake
     * @param allowedHosts     host names (or {@code *} for any) a request's {@code Host} header may name besides
     *                         those of the bind address; see {@link HostCheck}
     */
    public record Options(String bind, int port, int maxStreams, int streamBuffer, long heartbeatMillis,
                          List<String> allowedHosts) {
        public Options {
            allowedHosts = List.copyOf(allowedHosts);
        }

        public static Options defaults() {
            return new Options("127.0.0.1", 8080, 64, 10_000, 15_000, List.of());
        }

        public Options withBind(String newBind) {
            return new Options(newBind, port, maxStreams, streamBuffer, heartbeatMillis, allowedHosts);
        }

        public Options withPort(int newPort) {
            return new Options(bind, newPort, maxStreams, streamBuffer, heartbeatMillis, allowedHosts);
        }

        public Options withMaxStreams(int newMaxStreams) {
            return new Options(bind, port, newMaxStreams, streamBuffer, heartbeatMillis, allowedHosts);
        }

        public Options withAllowedHosts(List<String> newAllowedHosts) {
            return new Options(bind, port, maxStreams, streamBuffer, heartbeatMillis, newAllowedHosts);
        }
    }

    private final IncidentView view;
    private final IncidentIndex index;
    private final Options options;
    private final List<Component> components;
    private final AtomicInteger streams = new AtomicInteger();
    private final AtomicLong eventsSent = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile boolean closing;
    private final PrometheusMetrics prometheus;
    private final HostCheck hostCheck;
    private final Javalin app;

    private ApiServer(IncidentView view, Options options, List<Component> components) {
        this.view = view;
        this.index = view.index();
        this.options = options;
        this.components = List.copyOf(components);
        this.prometheus = new PrometheusMetrics(view, streams::get);
        this.hostCheck = new HostCheck(options.bind(), options.allowedHosts());
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = options.bind();
            config.jetty.port = options.port();
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorHandler()));
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
                files.headers = PAGE_HEADERS;
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/schema";
                files.directory = "/schema";
                files.location = Location.CLASSPATH;
            });
            config.routes.before(ctx -> requests.incrementAndGet());
            config.routes.before(prometheus::before);
            config.routes.after(prometheus::after);
            config.routes.before(this::checkHost);
            config.routes.before(ApiServer::checkMethod);
            config.routes.before(ctx -> QueryStrings.check(ctx.queryString()));
            config.routes.before("/incidents/stream", this::admitStream);
            config.routes.after("/incidents/stream", ApiServer::releaseStream);
            config.routes.get("/incidents", this::list);
            config.routes.sse("/incidents/stream", this::stream);
            config.routes.get("/incidents/{id}", this::one);
            config.routes.get("/health", this::health);
            config.routes.get("/metrics", this::metrics);
            config.routes.get("/metrics/prometheus", prometheus::scrape);
            config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(OPENAPI));
            config.routes.exception(BadRequestException.class, (e, ctx) ->
                    error(ctx, 400, e.getMessage(), Map.of("parameter", e.parameter())));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage(), Map.of()));
            config.routes.exception(MethodNotAllowed.class, (e, ctx) -> {
                ctx.header("Allow", ALLOW);
                error(ctx, 405, "method " + e.getMessage() + " is not allowed: this API only reads (" + ALLOW + ")", Map.of());
            });
            config.routes.exception(MisdirectedRequest.class, (e, ctx) -> error(ctx, 421, e.getMessage(), Map.of()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (closing) {
                    log.debug("request failed while stopping", e);
                    return;
                }
                log.error("request failed", e);
                error(ctx, 500, "internal error: " + e.getClass().getSimpleName(), Map.of());
            });
            config.routes.error(405, ctx -> {
                ctx.header("Allow", ALLOW);
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, 405, "method " + ctx.method() + " is not allowed: this API only reads (" + ALLOW + ")", Map.of());
                }
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path(), Map.of());
                }
            });
        });
    }

    /** Starts listening; the view should already be started (requests are answered while it loads). */
    public static ApiServer start(IncidentView view, Options options, List<Component> components) {
        ApiServer server = new ApiServer(view, options, components);
        server.app.start();
        log.info("listening on {}", server.uri());
        return server;
    }

    public URI uri() {
        String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
        if ("0.0.0.0".equals(options.bind()) || "::".equals(options.bind())) {
            host = "127.0.0.1";
        }
        return URI.create("http://" + host + ":" + app.port() + "/");
    }

    public int port() {
        return app.port();
    }

    private void list(Context ctx) {
        IncidentQuery q = IncidentQuery.parse(ctx.queryParamMap());
        IncidentIndex.Page page = index.query(q);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items());
        body.put("count", page.items().size());
        body.put("total", page.total());
        body.put("nextCursor", page.nextCursor());
        body.put("position", page.position().toString());
        body.put("caughtUp", view.isCaughtUp());
        ctx.json(body);
    }

    private void one(Context ctx) {
        String id = ctx.pathParam("id");
        if (!INCIDENT_ID.matcher(id).matches()) {
            throw new BadRequestException("id", "'" + id + "' is not an incident id (inc- and 16 hex digits)");
        }
        IncidentIndex.Lookup found = index.find(id);
        if (found instanceof IncidentIndex.Lookup.Found f) {
            ctx.json(f.incident());
        } else if (found instanceof IncidentIndex.Lookup.Redirect r) {
            String location = "/incidents/" + r.survivor();
            ctx.header("Location", location);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("id", id);
            extra.put("survivor", r.survivor());
            extra.put("location", location);
            error(ctx, 308, id + " was merged into " + r.survivor(), extra);
        } else if (found instanceof IncidentIndex.Lookup.Gone) {
            error(ctx, 410, "incident " + id + " was deleted and merged into no live incident", Map.of("id", id));
        } else {
            error(ctx, 404, "no incident " + id + (view.isCaughtUp() ? "" : " (the view is still loading)"), Map.of("id", id));
        }
    }

    /** Checks the resume position and the client count before the event stream starts: errors stay JSON. */
    private void admitStream(Context ctx) {
        String last = ctx.header(LAST_EVENT_ID);
        String param = "Last-Event-ID";
        if (last == null || last.isBlank()) {
            last = ctx.queryParam("lastEventId");
            param = "lastEventId";
        }
        Position from;
        try {
            from = last == null || last.isBlank() ? null : Position.parse(last);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(param, e.getMessage());
        }
        checkPosition(from, param);
        ctx.attribute(FROM, from);
        for (String name : ctx.queryParamMap().keySet()) {
            if (!name.equals("lastEventId")) {
                throw new BadRequestException(name, "unknown parameter '" + name + "'; known: lastEventId");
            }
        }
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new HttpResponseException(406, "the stream is text/event-stream: send Accept: text/event-stream");
        }
        // Reserve a place, then give it back if that went past the cap: check and take are one atomic step, so
        // however many connect at once, no more than maxStreams are admitted.
        if (streams.incrementAndGet() > options.maxStreams()) {
            streams.decrementAndGet();
            throw new HttpResponseException(503, "too many stream clients (" + options.maxStreams() + "); retry later");
        }
        ctx.attribute(RESERVED, new Reservation(streams));
    }

    /** One admitted stream's place under the cap, given back exactly once: when its stream ends, or if it never starts. */
    private static final class Reservation {
        private final AtomicInteger streams;
        private final java.util.concurrent.atomic.AtomicBoolean held = new java.util.concurrent.atomic.AtomicBoolean(true);

        Reservation(AtomicInteger streams) {
            this.streams = streams;
        }

        void release() {
            if (held.compareAndSet(true, false)) {
                streams.decrementAndGet();
            }
        }
    }

    private static void releaseStream(Context ctx) {
        Reservation r = ctx.attribute(RESERVED);
        if (r != null) {
            r.release();
        }
    }

    /** A position on the stream names only partitions the topic has, and offsets it has reached. */
    private void checkPosition(Position from, String param) {
        Map<Integer, Long> ends = view.knownEnds();
        if (from == null || ends.isEmpty()) {
            return; // the view has not found the topic yet: nothing to check against
        }
        for (Map.Entry<Integer, Long> e : from.next().entrySet()) {
            Long end = ends.get(e.getKey());
            if (end == null) {
                throw new BadRequestException(param, "the incidents topic has no partition " + e.getKey()
                        + " (partitions: " + ends.keySet() + "); '" + from + "' is not a position on it");
            }
            if (e.getValue() > end) {
                throw new BadRequestException(param, "offset " + e.getValue() + " on partition " + e.getKey()
                        + " is past the end of the incidents topic (" + end + "); '" + from + "' is not a position it has reached");
            }
        }
    }

    private void checkHost(Context ctx) {
        String host = ctx.header("Host");
        if (!hostCheck.allows(host, app.port())) {
            throw new MisdirectedRequest("this server does not answer to Host '" + host + "' (it listens on "
                    + options.bind() + ":" + app.port() + "); a name it should answer to is given with --allow-host");
        }
    }

    private static void checkMethod(Context ctx) {
        String method = ctx.req().getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            throw new MethodNotAllowed(method);
        }
    }

    private static final class MethodNotAllowed extends RuntimeException {
        MethodNotAllowed(String method) {
            super(method, null, false, false);
        }
    }

    private static final class MisdirectedRequest extends RuntimeException {
        MisdirectedRequest(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * One stream client: the replay since its position (none without one), a {@code position} event, then
     * changes as they come. Blocks one thread of Javalin's async pool per client; {@link Options#maxStreams} caps them.
     */
    private void stream(SseClient client) {
        Position from = client.ctx().attribute(FROM);
        Reservation reservation = client.ctx().attribute(RESERVED);
        try (IncidentIndex.Subscription sub = index.subscribe(from == null ? index.position() : from, options.streamBuffer())) {
            for (IncidentIndex.Change change : sub.replay()) {
                send(client, change);
                if (client.terminated()) {
                    return;
                }
            }
            Map<String, Object> hello = new LinkedHashMap<>();
            hello.put("position", sub.replayedTo().toString());
            hello.put("replayed", sub.replay().size());
            hello.put("caughtUp", view.isCaughtUp());
            client.sendEvent("position", json(hello), sub.replayedTo().toString());
            long idleSince = System.nanoTime();
            while (!closing && !client.terminated() && !sub.overflowed()) {
                IncidentIndex.Change change = sub.next(500);
                if (change != null) {
                    send(client, change);
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince > options.heartbeatMillis() * 1_000_000L) {
                    client.sendComment("keep-alive");
                    idleSince = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (reservation != null) {
                reservation.release();
            }
            client.close();
        }
    }

    private void send(SseClient client, IncidentIndex.Change change) {
        String id = change.position().toString();
        if (change.isDeletion()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("id", change.id());
            data.put("survivor", change.survivor());
            client.sendEvent("delete", json(data), id);
        } else {
            client.sendEvent("upsert", json(change.incident()), id);
        }
        eventsSent.incrementAndGet();
    }

    private void health(Context ctx) {
        boolean up = view.state() == IncidentView.State.LIVE && components.stream().allMatch(Component::healthy);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("view", view.state().name());
        body.put("caughtUp", view.isCaughtUp());
        for (Component c : components) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("healthy", c.healthy());
            detail.putAll(c.details());
            body.put(c.name(), detail);
        }
        ctx.status(up ? 200 : 503).json(body);
    }

    private void metrics(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("view", view.metrics());
        body.put("index", index.counts());
        Map<String, Object> http = new TreeMap<>();
        http.put("streamClients", streams.get());
        http.put("eventsSent", eventsSent.get());
        http.put("requests", requests.get());
        http.put("errors", errors.get());
        body.put("http", http);
        for (Component c : components) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("healthy", c.healthy());
            detail.putAll(c.details());
            body.put(c.name(), detail);
        }
        ctx.json(body);
    }

    private void error(Context ctx, int status, String reason, Map<String, Object> extra) {
        if (status >= 400) {
            errors.incrementAndGet();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        HttpStatus known = HttpStatus.forStatus(status);
        body.put("error", known == HttpStatus.UNKNOWN ? "Error" : known.getMessage());
        body.put("reason", reason);
        body.putAll(extra);
        ctx.status(status).json(body);
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closing = true;
        app.stop();
    }
}
