package io.incidentstreams.enrich.testing;

import io.incidentstreams.model.Article;

/** Test-data builder for raw articles. */
public final class ArticleBuilder {
    private String id = "article-1";
    private String publishedAt = "2020-11-18";
    private String text = "Rockets hit the Green Zone in Baghdad on Tuesday.";
    private String title;

    public static ArticleBuilder article(String id) {
        return new ArticleBuilder().id(id);
    }

    public ArticleBuilder id(String v) {
        this.id = v;
        return this;
    }

    public ArticleBuilder published(String v) {
        this.publishedAt = v;
        return this;
    }

    public ArticleBuilder text(String v) {
        this.text = v;
        return this;
    }

    public ArticleBuilder title(String v) {
        this.title = v;
        return this;
    }

    public Article build() {
        return new Article(id, null, title, publishedAt, null, text, "test");
    }
}
