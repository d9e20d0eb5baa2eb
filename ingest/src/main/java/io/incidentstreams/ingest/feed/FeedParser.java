package io.incidentstreams.ingest.feed;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;

/**
 * Parses RSS (0.9x, 1.0, 2.0) and Atom with ROME, from a JDOM document we build ourselves with every door to the
 * outside shut: a document that declares a DOCTYPE is refused outright (which also stops internal entity bombs),
 * external entities and external DTDs are never loaded, and entities are not expanded. A few old RSS 0.91 feeds
 * declare a DOCTYPE and are refused; that is the price of never resolving one.
 */
public final class FeedParser {
    private FeedParser() {
    }

    /** A JDOM builder that refuses DOCTYPEs and loads nothing external. New per parse: builders are not thread-safe. */
    static SAXBuilder secureBuilder() {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setExpandEntities(false);
        builder.setEntityResolver((publicId, systemId) -> {
            throw new org.xml.sax.SAXException("external entity refused: " + systemId);
        });
        return builder;
    }

    /**
     * @param body        the response body
     * @param contentType its Content-Type, for the charset; may be null
     * @param base        the feed's URL: relative links are resolved against it
     * @throws FeedParseException when the body is not a feed: not XML, HTML, malformed, a DOCTYPE, an unknown format
     */
    public static ParsedFeed parse(byte[] body, String contentType, URI base) throws FeedParseException {
        String start = leadingText(body);
        boolean utf16 = body.length >= 2 && ((body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF
                || (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE);
        if (utf16) {
            start = "<";
        }
        if (start.isEmpty()) {
            throw new FeedParseException("empty response", null);
        }
        if (start.charAt(0) != '<') {
            throw new FeedParseException("not XML: the response starts with '" + printable(start) + "'", null);
        }
        String lower = start.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
            throw new FeedParseException("an HTML page, not a feed", null);
        }
        Document document;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            document = secureBuilder().build(reader);
        } catch (JDOMException e) {
            throw new FeedParseException("malformed XML: " + rootMessage(e), e);
        } catch (IOException e) {
            throw new FeedParseException("unreadable XML: " + rootMessage(e), e);
        }
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setPreserveWireFeed(true);
            input.setAllowDoctypes(false);
            feed = input.build(document);
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedParseException("not an RSS or Atom feed: " + rootMessage(e), e);
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            items.add(item(entry, base));
        }
        return new ParsedFeed(blankToNull(feed.getTitle()), feed.getFeedType(), items);
    }

    private static FeedItem item(SyndEntry entry, URI base) {
        String guid = null;
        Object wire = entry.getWireEntry();
        if (wire instanceof Item rss) {
            Guid g = rss.getGuid();
            guid = g == null ? null : blankToNull(g.getValue());
        } else if (wire instanceof Entry atom) {
            guid = blankToNull(atom.getId());
        }
        String link = resolve(base, blankToNull(entry.getLink()));
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        Instant published = date == null ? null : date.toInstant();
        String title = blankToNull(HtmlText.inline(entry.getTitle()));
        return new FeedItem(guid, link, title, published, blankToNull(summary(entry)));
    }

    private static String summary(SyndEntry entry) {
        String best = null;
        for (SyndContent content : entry.getContents()) {
            String text = HtmlText.inline(content.getValue());
            if (text != null && (best == null || text.length() > best.length())) {
                best = text;
            }
        }
        SyndContent description = entry.getDescription();
        String text = description == null ? null : HtmlText.inline(description.getValue());
        if (text != null && (best == null || text.length() > best.length())) {
            best = text;
        }
        return best;
    }

    private static String resolve(URI base, String link) {
        if (link == null) {
            return null;
        }
        try {
            return base == null ? link : base.resolve(link).toString();
        } catch (IllegalArgumentException e) {
            return link;
        }
    }

    private static String leadingText(byte[] body) {
        int from = 0;
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            from = 3;
        }
        int to = Math.min(body.length, from + 256);
        return new String(body, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1).stripLeading();
    }

    private static String printable(String s) {
        String head = s.length() > 24 ? s.substring(0, 24) : s;
        return head.replaceAll("\\p{Cntrl}", "?");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
