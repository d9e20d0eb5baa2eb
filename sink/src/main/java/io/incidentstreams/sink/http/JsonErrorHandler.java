package io.incidentstreams.sink.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.incidentstreams.serde.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error pages, as JSON like every other error of the API: the 400 of a request Jetty cannot parse, the
 * 414 of a URI too long, the 431 of headers too large, and any error Jetty answers before Javalin sees the request.
 * Never a stack trace or Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/json");

    static String body(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        String phrase = HttpStatus.getMessage(status);
        body.put("error", phrase == null ? "Error" : phrase);
        body.put("reason", message == null || message.isBlank() || message.equals(phrase) ? reasonFor(status) : message);
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            return "{\"status\":" + status + "}";
        }
    }

    private static String reasonFor(int status) {
        return switch (status) {
            case 400 -> "the request is malformed";
            case 414 -> "the request URI is too long";
            case 431 -> "the request headers are too large";
            default -> String.valueOf(HttpStatus.getMessage(status));
        };
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() <= 0 ? 500 : response.getStatus();
        Object message = request.getAttribute(ERROR_MESSAGE);
        Object cause = request.getAttribute(ERROR_EXCEPTION);
        String text = message != null ? message.toString()
                : cause instanceof Throwable t && status < 500 ? t.getMessage() : null;
        response.getHeaders().put(JSON);
        response.getHeaders().put(ERROR_CACHE_CONTROL);
        response.write(true, ByteBuffer.wrap(body(status, text).getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /** The answer to a request Jetty could not parse (400, 414, 431), written before any handler runs. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JSON);
        return ByteBuffer.wrap(body(status, reason).getBytes(StandardCharsets.UTF_8));
    }
}
