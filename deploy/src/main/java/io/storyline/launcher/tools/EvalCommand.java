package io.storyline.launcher.tools;

import io.storyline.enrich.eval.ner.NerEvaluation;
import io.storyline.enrich.eval.timex.TimexEvaluation;
import io.storyline.enrich.language.Language;
import io.storyline.launcher.UserError;
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

        @Option(names = "--language", defaultValue = "en", paramLabel = "LANG",
                description = "the pipeline to score: en, de, fr or es (default: ${DEFAULT-VALUE}); other than "
                        + "English, CoreNLP's own model for the language is scored beside it")
        String language;

        @Option(names = "--halves", description = "also score the first and second half of the documents apart")
        boolean halves;

        @Option(names = "--json", description = "print JSON instead of a table")
        boolean json;

        @Override
        public Integer call() {
            return NerEvaluation.run(conll, language(language), halves, json, System.out, System.err);
        }
    }

    @Command(name = "timex", mixinStandardHelpOptions = true,
            description = "TempEval-3 relaxed, strict and value F1 of dates against TimeML documents.")
    static final class Timex implements Callable<Integer> {
        @Option(names = "--timeml", required = true, paramLabel = "DIR", description = "folder of .tml files")
        Path timeml;

        @Option(names = "--language", defaultValue = "en", paramLabel = "LANG",
                description = "the tagger to score: en, de, fr or es (default: ${DEFAULT-VALUE})")
        String language;

        @Option(names = "--halves", description = "also score the first and second half of the files apart")
        boolean halves;

        @Option(names = "--json", description = "print JSON instead of a table")
        boolean json;

        @Override
        public Integer call() {
            return TimexEvaluation.run(timeml, language(language), halves, json, System.out, System.err);
        }
    }

    /** The language a {@code --language} option names, or a user error. */
    static Language language(String code) {
        Language language = Language.of(code);
        if (language == null) {
            throw new UserError("--language must be en, de, fr or es, not '" + code + "'");
        }
        return language;
    }
}
