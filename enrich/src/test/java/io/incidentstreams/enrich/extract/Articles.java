package io.incidentstreams.enrich.extract;

import io.incidentstreams.model.Article;

/** Test-data builder for articles handed to the extractor. */
final class Articles {
    private String id = "test-article";
    private String published = "2020-11-17";
    private String text = "";
    private String outlet;
    private String title;

    static Articles article(String... paragraphs) {
        Articles a = new Articles();
        a.text = String.join("\n\n", paragraphs);
        return a;
    }

    Articles id(String v) {
        id = v;
        return this;
    }

    Articles published(String v) {
        published = v;
        return this;
    }

    Articles undated() {
        published = null;
        return this;
    }

    Articles outlet(String v) {
        outlet = v;
        return this;
    }

    Articles title(String v) {
        title = v;
        return this;
    }

    Article build() {
        return new Article(id, null, title, published, outlet, text, "test");
    }
}
