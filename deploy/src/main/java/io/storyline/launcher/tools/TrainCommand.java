package io.storyline.launcher.tools;

import io.storyline.enrich.entities.NameModelTraining;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code storyline train names}: trains the CRF name tagger a language's {@code names-<language>} module ships. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model enrich uses.",
        subcommands = {TrainCommand.Names.class})
public final class TrainCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "say what to train: train names --language LANG --conll TRAIN.conll --output MODEL.crf.ser.gz");
    }

    @Command(name = "names", mixinStandardHelpOptions = true,
            description = "Train a CRF name tagger (PER/LOC/ORG/MISC) on gold CoNLL data, with CoreNLP's features "
                    + "and the word clusters of CoreNLP's model for the language. Needs a few GB of heap and, on "
                    + "two cores, about half an hour per 250,000 tokens.")
    static final class Names implements Callable<Integer> {
        @Option(names = "--conll", required = true, paramLabel = "FILE",
                description = "training data: the word first and its IOB or IO tag last on each line")
        Path conll;

        @Option(names = "--language", required = true, paramLabel = "LANG", description = "en, de, fr or es")
        String language;

        @Option(names = "--output", required = true, paramLabel = "MODEL", description = "where to write the model")
        Path output;

        @Override
        public Integer call() {
            return NameModelTraining.run(conll, EvalCommand.language(language), output, System.out, System.err);
        }
    }
}
