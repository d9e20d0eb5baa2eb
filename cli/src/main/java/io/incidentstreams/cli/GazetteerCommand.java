package io.incidentstreams.cli;

import io.incidentstreams.enrich.extract.GeoNamesImport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Gazetteer tools: {@code import} turns GeoNames dump files into a user gazetteer file. */
@Command(name = "gazetteer", mixinStandardHelpOptions = true,
        description = "Gazetteer tools.",
        subcommands = {GazetteerCommand.Import.class})
final class GazetteerCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Cli.err("usage: incidents gazetteer import FILE... --output FILE (see incidents gazetteer import --help)");
        return IncidentsCli.USAGE;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Reads GeoNames dump files (allCountries.txt, cities500.txt, a country file such as NG.txt,"
                    + " admin1CodesASCII.txt, countryInfo.txt; plain, .gz or .zip) and writes a user gazetteer file.",
                    "Load it with --gazetteer FILE or the gazetteer.files setting: its places are added to the"
                            + " built-in world gazetteer, and the hand-kept overlay still wins over them.",
                    "GeoNames data is CC BY 4.0: credit GeoNames where you ship it."})
    static final class Import implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "GeoNames dump files.")
        List<Path> files;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
                description = "The gazetteer file to write (gzipped when it ends in .gz).")
        Path output;

        @Option(names = "--min-population", paramLabel = "N", defaultValue = "0",
                description = "Keep populated places of at least N inhabitants (default: ${DEFAULT-VALUE}, every"
                        + " village).")
        long minPopulation;

        @Override
        public Integer call() throws Exception {
            GeoNamesImport.Result r = GeoNamesImport.convert(files, output, minPopulation);
            Cli.OUT.println("wrote " + output + ": " + r.countries() + " countries, " + r.divisions()
                    + " divisions, " + r.places() + " populated places (" + r.skipped() + " other rows skipped)");
            return IncidentsCli.OK;
        }
    }
}
