package io.incidentstreams.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One RSS feed served on 127.0.0.1 whose items the test changes while it runs. It answers 200 with the whole feed
 * to every request, conditional or not, so that only the poller's own memory can keep it from publishing twice.
 */
final class LocalFeedServer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicReference<String> xml = new AtomicReference<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> items = new ArrayList<>();

    LocalFeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed.xml", exchange -> {
            requests.incrementAndGet();
            byte[] body = xml.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        render();
        server.start();
    }

    URI feed() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml");
    }

    int requests() {
        return requests.get();
    }

    /** Adds an item at the top of the feed, as an outlet publishing a story does. */
    synchronized LocalFeedServer publish(String guid, String title, String pubDate, String text) {
        items.add(0, "<item><guid isPermaLink=\"false\">" + guid + "</guid><link>https://news.example/" + guid
                + "</link><title>" + title + "</title><pubDate>" + pubDate + "</pubDate><description>" + text
                + "</description></item>");
        render();
        return this;
    }

    private void render() {
        xml.set("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Example News</title>"
                + "<link>https://news.example/</link><description>Iraq desk</description>" + String.join("", items)
                + "</channel></rss>");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
