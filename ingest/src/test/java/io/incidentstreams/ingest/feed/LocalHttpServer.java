package io.incidentstreams.ingest.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** An HTTP server on 127.0.0.1 with programmable answers per path, recording every request. */
final class LocalHttpServer implements AutoCloseable {

    /** What a path answers to one request. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    /** One request received. */
    record Request(String path, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Released on close: handlers that hang wait on it, so that nothing outlives the test. */
    final CountDownLatch closed = new CountDownLatch(1);

    private LocalHttpServer(HttpServer server) {
        this.server = server;
    }

    static LocalHttpServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LocalHttpServer local = new LocalHttpServer(server);
        server.setExecutor(local.executor);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            local.requests.add(new Request(path, Map.copyOf(exchange.getRequestHeaders())));
            Handler handler = local.handlers.get(path);
            try (exchange) {
                if (handler == null) {
                    send(exchange, 404, "text/plain", "not found");
                } else {
                    handler.handle(exchange);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The client went away (timeout, size limit): nothing to answer.
            }
        });
        server.start();
        return local;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    LocalHttpServer on(String path, Handler handler) {
        handlers.put(path, handler);
        return this;
    }

    /** Always answers 200 with this body. */
    LocalHttpServer serve(String path, String contentType, String body) {
        return on(path, ex -> send(ex, 200, contentType, body));
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Waits until the server closes (at most 30 s): a server that never answers. */
    void hang() throws InterruptedException {
        closed.await(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
