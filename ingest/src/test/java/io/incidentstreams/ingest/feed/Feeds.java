package io.incidentstreams.ingest.feed;

import java.util.ArrayList;
import java.util.List;

/** Builds RSS 2.0 and Atom documents for tests. */
final class Feeds {
    private Feeds() {
    }

    static Rss rss(String title) {
        return new Rss(title);
    }

    static final class Rss {
        private final String title;
        private final List<String> items = new ArrayList<>();

        Rss(String title) {
            this.title = title;
        }

        /** An item; pass null to leave a field out. Newest first, as feeds list them: add the newest first. */
        Rss item(String guid, String link, String itemTitle, String pubDate, String description) {
            StringBuilder item = new StringBuilder("<item>");
            if (guid != null) {
                item.append("<guid isPermaLink=\"false\">").append(guid).append("</guid>");
            }
            if (link != null) {
                item.append("<link>").append(link).append("</link>");
            }
            if (itemTitle != null) {
                item.append("<title>").append(itemTitle).append("</title>");
            }
            if (pubDate != null) {
                item.append("<pubDate>").append(pubDate).append("</pubDate>");
            }
            if (description != null) {
                item.append("<description><![CDATA[").append(description).append("]]></description>");
            }
            items.add(item.append("</item>").toString());
            return this;
        }

        String xml() {
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>" + title
                    + "</title><link>https://news.example/</link><description>test feed</description>"
                    + String.join("", items) + "</channel></rss>";
        }
    }

    /** Report texts in the style the extractor reads; written for these tests. */
    static final String BASE_ATTACK = "Three rockets struck the Ain al-Asad air base in Anbar province on Tuesday, "
            + "wounding two contractors, the coalition said. No group claimed the attack.";
    static final String CHECKPOINT_BOMB = "A roadside bomb hit an army patrol near Tarmiyah, north of Baghdad, on "
            + "Wednesday, killing one soldier and wounding three, security officials said.";
    static final String DRONE_STRIKE = "A drone strike hit a vehicle near the Qaim border crossing on Thursday, "
            + "killing two members of an armed group, local officials said.";
}
