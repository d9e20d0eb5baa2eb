package io.incidentstreams.cli;

import io.incidentstreams.enrich.extract.Extractor;
import io.incidentstreams.enrich.extract.eval.Evaluator;
import io.incidentstreams.ingest.ReadResult;
import io.incidentstreams.ingest.files.ArticleFiles;
import io.incidentstreams.model.Article;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Scores the extractor against a labelled gold file. Needs no broker. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Prints precision, recall and per-field accuracy of the extractor against a gold file.")
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--gold", required = true, paramLabel = "FILE", description = "Gold labels (JSON Lines), e.g. samples/gold.jsonl.")
    Path gold;

    @Option(names = "--articles", required = true, paramLabel = "DIR", description = "Articles to score (files or folders, repeatable). Every article given is scored: one "
                    + "without gold lines must yield nothing.")
    List<Path> articles;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() throws Exception {
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
        Extractor extractor = rules.extractor();
        Cli.OUT.print(new Evaluator(extractor).evaluate(gold, read).toText());
        return IncidentsCli.OK;
    }
}
