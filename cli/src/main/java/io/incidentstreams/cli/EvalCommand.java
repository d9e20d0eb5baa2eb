package io.incidentstreams.cli;

import io.incidentstreams.enrich.eval.CorpusScorer;
import io.incidentstreams.enrich.eval.EventEvaluator;
import io.incidentstreams.enrich.extract.Extractor;
import io.incidentstreams.enrich.extract.eval.Evaluator;
import io.incidentstreams.ingest.ReadResult;
import io.incidentstreams.ingest.files.ArticleFiles;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.Incident;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Scores the extractor against a labelled gold file (no broker), and with {@code --events} the whole pipeline against
 * event-level gold (on a fresh embedded broker, as the demo).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Prints precision, recall and per-field accuracy of the extractor against a gold file (--gold).",
                "With --corpus DIR, runs the pipeline on a real-article corpus and prints the corpus scorer's figures.",
                "With --events, also runs the pipeline on a fresh embedded broker and counts, against event-level "
                        + "gold, events published as several incidents (duplicates), events merged into one, and "
                        + "links missing or extra."})
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--gold", paramLabel = "FILE", description = "Gold labels (JSON Lines), e.g. samples/gold.jsonl.")
    Path gold;

    @Option(names = "--events", paramLabel = "FILE", description = "Event-level gold (JSON), e.g. samples/unseen/events.json.")
    Path events;

    @Option(names = "--timeout", defaultValue = "5m", paramLabel = "DURATION",
            description = "With --events: give up on the pipeline after this long (30s, 5m, 1h or ISO-8601 PT5M). Default: ${DEFAULT-VALUE}.")
    java.time.Duration timeout;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "DIR", description = "A real-article corpus folder (articles/ and gold.json, as "
            + "../shared/corpus/a): runs the pipeline on a fresh embedded broker and prints the corpus scorer's figures, "
            + "the gold incidents missing or split, the incidents that match no gold one and the relations missed.")
    Path corpus;

    @Option(names = "--json", description = "With --corpus: print only the figures, as one JSON object.")
    boolean json;

    @Option(names = "--predictions", paramLabel = "FILE", description = "With --corpus: also write the incidents the "
            + "pipeline published, one JSON object per line (as snapshot --format json prints them), so that score.py "
            + "or other tools can read them.")
    Path predictions;

    @Option(names = "--articles", paramLabel = "DIR", description = "Articles to score (files or folders, repeatable). Every article given is scored: one "
                    + "without gold lines must yield nothing.")
    List<Path> articles;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() throws Exception {
        if (corpus != null) {
            return scoreCorpus();
        }
        if (gold == null && events == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give --corpus DIR, or --gold, --events or both");
        }
        if (articles == null || articles.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--gold and --events need --articles");
        }
        List<Article> read = new ArrayList<>();
        try (Stream<ReadResult> results = new ArticleFiles(io.incidentstreams.ingest.IngestOptions.defaults()).read(articles)) {
            results.forEach(r -> {
                if (r instanceof ReadResult.Accepted a) {
                    read.add(a.article());
                } else {
                    Cli.err("skipped " + r);
                }
            });
        }
        if (gold != null) {
            Extractor extractor = rules.extractor();
            Cli.OUT.print(new Evaluator(extractor).evaluate(gold, read).toText());
        }
        if (events != null) {
            EventEvaluator.Gold eventGold = EventEvaluator.Gold.read(events);
            List<Incident> incidents = DemoCommand.run(articles, rules.settings(), timeout).incidents();
            Cli.OUT.print(EventEvaluator.evaluate(eventGold, read, incidents).toText());
        }
        return IncidentsCli.OK;
    }

    private int scoreCorpus() throws Exception {
        Path goldFile = corpus.resolve("gold.json");
        Path articleDir = corpus.resolve("articles");
        if (!java.nio.file.Files.isRegularFile(goldFile) || !java.nio.file.Files.isDirectory(articleDir)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    corpus + " is not a corpus folder: it needs gold.json and articles/");
        }
        com.fasterxml.jackson.databind.JsonNode goldJson = CorpusScorer.readGold(goldFile);
        List<Incident> incidents = DemoCommand.run(List.of(articleDir), rules.settings(), timeout).incidents();
        CorpusScorer.Score score = CorpusScorer.score(goldJson, incidents);
        if (predictions != null) {
            try (java.io.BufferedWriter w = java.nio.file.Files.newBufferedWriter(predictions)) {
                for (Incident incident : incidents) {
                    w.write(io.incidentstreams.serde.Json.MAPPER.writeValueAsString(incident));
                    w.newLine();
                }
            }
        }
        if (json) {
            Cli.OUT.println(io.incidentstreams.serde.Json.MAPPER.writeValueAsString(score.figures()));
        } else {
            Cli.OUT.print(score.toText());
        }
        Cli.OUT.flush();
        return IncidentsCli.OK;
    }
}
