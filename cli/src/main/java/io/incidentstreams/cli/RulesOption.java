package io.incidentstreams.cli;

import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.extract.Extractor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --rules-dir} option, and the extractor it selects, for every command that extracts. */
final class RulesOption {
    @Option(names = "--rules-dir", paramLabel = "DIR", description = "Rule files that replace the built-in ones of the same name.")
    Path rulesDir;

    @Option(names = "--gazetteer", paramLabel = "FILE", description = "A user gazetteer file (from `incidents"
            + " gazetteer import`) loaded in addition to the built-in world gazetteer (repeatable).")
    List<Path> gazetteerFiles = new ArrayList<>();

    /** The flags as config settings, so that they layer over the config file and the environment. */
    Map<String, String> settings() {
        Map<String, String> out = new HashMap<>();
        if (rulesDir != null) {
            out.put(PipelineConfig.RULES_DIR, rulesDir.toString());
        }
        if (!gazetteerFiles.isEmpty()) {
            out.put(PipelineConfig.GAZETTEER_FILES, String.join(",", gazetteerFiles.stream().map(Path::toString)
                    .toList()));
        }
        return out;
    }

    /** The extractor of the flags alone, for commands that read no configuration. */
    Extractor extractor() {
        return Extractor.load(rulesDir, gazetteerFiles);
    }

    /** The extractor of the layered configuration's {@code rules.dir} and {@code gazetteer.files}. */
    static Extractor extractor(PipelineConfig config) {
        String dir = config.getString(PipelineConfig.RULES_DIR);
        List<Path> files = config.getList(PipelineConfig.GAZETTEER_FILES).stream().filter(s -> !s.isBlank())
                .map(Path::of).toList();
        return Extractor.load(dir == null ? null : Path.of(dir), files);
    }
}
