package io.incidentstreams.cli;

import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.extract.Extractor;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --rules-dir} option, and the extractor it selects, for every command that extracts. */
final class RulesOption {
    @Option(names = "--rules-dir", paramLabel = "DIR", description = "Rule files that replace the built-in ones of the same name.")
    Path rulesDir;

    /** The flag as a config setting, so that it layers over the config file and the environment. */
    Map<String, String> settings() {
        return rulesDir == null ? Map.of() : Map.of(PipelineConfig.RULES_DIR, rulesDir.toString());
    }

    /** The extractor of the flag alone, for commands that read no configuration. */
    Extractor extractor() {
        return Extractor.load(rulesDir);
    }

    /** The extractor of the layered configuration's {@code rules.dir}. */
    static Extractor extractor(PipelineConfig config) {
        String dir = config.getString(PipelineConfig.RULES_DIR);
        return Extractor.load(dir == null ? null : Path.of(dir));
    }
}
