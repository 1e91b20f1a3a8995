package io.storyline.launcher.tools;

import io.storyline.enrich.eval.ner.NerEvaluation;
import io.storyline.enrich.eval.timex.TimexEvaluation;
import io.storyline.launcher.evaluation.IncidentsCommand;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code storyline eval ner|timex|incidents}: scores enrich's extractors, or the incidents, on gold data. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score entity or date extraction, or the incidents, on gold data.",
        subcommands = {EvalCommand.Ner.class, EvalCommand.Timex.class, IncidentsCommand.class})
public final class EvalCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "say what to evaluate: eval ner --conll FILE, eval timex --timeml DIR, or eval incidents --input PATH --gold GOLD.tsv");
    }

    @Command(name = "ner", mixinStandardHelpOptions = true,
            description = "Precision, recall and F1 of entities against a CoNLL file (PER/LOC/ORG; WEAPON recall "
                    + "where the file labels weapons).")
    static final class Ner implements Callable<Integer> {
        @Option(names = "--conll", required = true, paramLabel = "FILE", description = "gold data in CoNLL form")
        Path conll;

        @Option(names = "--json", description = "print JSON instead of a table")
        boolean json;

        @Override
        public Integer call() {
            return NerEvaluation.run(conll, json, System.out, System.err);
        }
    }

    @Command(name = "timex", mixinStandardHelpOptions = true,
            description = "TempEval-3 relaxed, strict and value F1 of dates against TimeML documents.")
    static final class Timex implements Callable<Integer> {
        @Option(names = "--timeml", required = true, paramLabel = "DIR", description = "folder of .tml files")
        Path timeml;

        @Option(names = "--json", description = "print JSON instead of a table")
        boolean json;

        @Override
        public Integer call() {
            return TimexEvaluation.run(timeml, json, System.out);
        }
    }
}
