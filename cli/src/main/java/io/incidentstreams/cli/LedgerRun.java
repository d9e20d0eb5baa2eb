package io.incidentstreams.cli;

import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.ingest.IngestException;
import io.incidentstreams.ingest.IngestOptions;
import io.incidentstreams.ingest.feed.KafkaLedger;
import io.incidentstreams.ingest.feed.Ticker;
import java.util.List;
import java.util.Map;

/**
 * What {@code ingest feed} and {@code ingest watch} share: a transactional {@link KafkaLedger} named
 * {@code <topic prefix>incident-streams-<role>-<instance>}, a loop that Ctrl-C stops between two steps, and errors
 * reported as exit code 1. Interrupting the command thread stops the loop as Ctrl-C does; the flag is set again only
 * once the ledger has closed, so that closing its producer does not see it.
 */
final class LedgerRun {

    /** The loop: runs until the ticker is stopped, or once. */
    interface Loop {
        void run(KafkaLedger ledger, Ticker.Real ticker) throws InterruptedException;
    }

    /** The exit code once the loop has ended, with the ledger's counts. */
    interface Outcome {
        int exitCode(KafkaLedger ledger);
    }

    private LedgerRun() {
    }

    static int run(KafkaOptions kafka, String role, String instance, List<String> keyPrefixes, Loop loop,
                   Outcome outcome) {
        boolean interrupted = false;
        try (Brokers brokers = Brokers.resolve(kafka, System.getenv(), Cli.dataDir(), Map.of())) {
            PipelineConfig config = brokers.config();
            String transactionalId = config.getString(PipelineConfig.TOPIC_PREFIX) + "incident-streams-" + role + "-"
                    + instance;
            Ticker.Real ticker = Ticker.system();
            try (KafkaLedger ledger = KafkaLedger.open(config, IngestOptions.defaults(), transactionalId, keyPrefixes);
                 StopOnShutdown stop = new StopOnShutdown(ticker::stop)) {
                try {
                    loop.run(ledger, ticker);
                } catch (InterruptedException e) {
                    interrupted = true;
                } finally {
                    stop.done();
                }
                return outcome.exitCode(ledger);
            } catch (IngestException e) {
                Cli.err("error: " + e.getMessage());
                return IncidentsCli.FAILED;
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
