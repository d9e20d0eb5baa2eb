package io.incidentstreams.enrich.testing;

import io.incidentstreams.model.Article;

/** Test-data builder for raw articles. */
public final class ArticleBuilder {
    /** A wire story of a few hundred words, for fingerprint and near-duplicate tests. */
    public static final String WIRE_STORY = "Three rockets struck an air base north of the capital late on Wednesday, killing two "
            + "soldiers and wounding four contractors, according to a statement from the coalition. The base hosts "
            + "trainers from several countries and has been targeted before. Officials said the rockets were fired "
            + "from a truck parked in a farm field about ten kilometres away, and that the launcher was later found "
            + "partly burned. No group has claimed the attack, but officials pointed to militias that have fired on "
            + "foreign forces in the past. The government condemned the strike and promised an investigation into "
            + "how the launcher reached the area despite checkpoints on the main roads leading to the base.";

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
