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

    /**
     * @param bind             address to listen on (127.0.0.1 by default: nothing here is authenticated)
     * @param port             port, 0 for any free one
     * @param maxStreams       most stream clients at once; more are refused with 503
     * @param streamBuffer     changes a stream client may fall behind by before its stream is ended (it resumes)
     * @param heartbeatMillis  idle time after which a stream sends a comment, to keep proxies and clients awake
     */
    public record Options(String bind, int port, int maxStreams, int streamBuffer, long heartbeatMillis) {
        public static Options defaults() {
            return new Options("127.0.0.1", 8080, 64, 10_000, 15_000);
        }

        public Options withBind(String newBind) {
            return new Options(newBind, port, maxStreams, streamBuffer, heartbeatMillis);
        }

        public Options withPort(int newPort) {
            return new Options(bind, newPort, maxStreams, streamBuffer, heartbeatMillis);
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
    private final Javalin app;

    private ApiServer(IncidentView view, Options options, List<Component> components) {
        this.view = view;
        this.index = view.index();
        this.options = options;
        this.components = List.copyOf(components);
        this.prometheus = new PrometheusMetrics(view, streams::get);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = options.bind();
            config.jetty.port = options.port();
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
            config.routes.before("/incidents/stream", this::admitStream);
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
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (closing) {
                    log.debug("request failed while stopping", e);
                    return;
                }
                log.error("request failed", e);
                error(ctx, 500, "internal error: " + e.getClass().getSimpleName(), Map.of());
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
        try {
            ctx.attribute(FROM, last == null || last.isBlank() ? null : Position.parse(last));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(param, e.getMessage());
        }
        for (String name : ctx.queryParamMap().keySet()) {
            if (!name.equals("lastEventId")) {
                throw new BadRequestException(name, "unknown parameter '" + name + "'; known: lastEventId");
            }
        }
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new HttpResponseException(406, "the stream is text/event-stream: send Accept: text/event-stream");
        }
        if (streams.get() >= options.maxStreams()) {
            throw new HttpResponseException(503, "too many stream clients (" + options.maxStreams() + "); retry later");
        }
    }

    /**
     * One stream client: the replay since its position (none without one), a {@code position} event, then
     * changes as they come. Blocks one thread of Javalin's async pool per client; {@link Options#maxStreams} caps them.
     */
    private void stream(SseClient client) {
        Position from = client.ctx().attribute(FROM);
        streams.incrementAndGet();
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
            streams.decrementAndGet();
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
