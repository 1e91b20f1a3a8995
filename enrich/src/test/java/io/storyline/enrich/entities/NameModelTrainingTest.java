package io.storyline.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import io.storyline.enrich.language.Language;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training a name tagger on a few sentences written for this test, and what it answers to unusable input. */
class NameModelTrainingTest {

    private static final String SENTENCES = """
            -DOCSTART- O

            La O
            ministra O
            Marta B-PER
            Quiroga I-PER
            visitó O
            Zaragoza B-LOC
            con O
            la O
            Cruz B-ORG
            Roja I-ORG
            . O

            Marta B-PER
            Quiroga I-PER
            habló O
            en O
            Zaragoza B-LOC
            . O

            La O
            Cruz B-ORG
            Roja I-ORG
            llegó O
            a O
            Teruel B-LOC
            . O
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int train(Path conll, Path model) {
        return NameModelTraining.run(conll, Language.SPANISH, model, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void tokensKeepTheirTypeWithoutTheIobPrefixAndSentencesStayApart() throws Exception {
        Path conll = Files.writeString(dir.resolve("train.conll"), SENTENCES);
        Path tokens = dir.resolve("tokens.tsv");

        assertEquals(24, NameModelTraining.writeTokens(conll, tokens));

        List<String> lines = Files.readAllLines(tokens);
        assertEquals("La\tO", lines.get(0));
        assertEquals("Cruz\tORG", lines.get(8));
        assertEquals("", lines.get(11), "a blank line ends each sentence");
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("-DOCSTART-")), lines.toString());
    }

    @Test
    void aTrainedModelTagsTheNamesItWasTaughtWithTheirTypes() throws Exception {
        assumeTrue(getClass().getClassLoader().getResource(Language.SPANISH.coreNlpNameModel()) != null,
                "Spanish models left out of this build");
        Path conll = Files.writeString(dir.resolve("train.conll"), SENTENCES);
        Path model = dir.resolve("models/es.crf.ser.gz");

        assertEquals(0, train(conll, model), err.toString(StandardCharsets.UTF_8));

        CRFClassifier<CoreLabel> tagger = CRFClassifier.getClassifier(model.toFile());
        List<CoreLabel> sentence = new ArrayList<>();
        for (String word : "Marta Quiroga habló en Teruel .".split(" ")) {
            CoreLabel token = new CoreLabel();
            token.setWord(word);
            token.setValue(word);
            sentence.add(token);
        }
        List<String> labels = tagger.classifySentence(sentence).stream()
                .map(t -> t.get(CoreAnnotations.AnswerAnnotation.class)).toList();
        assertEquals(List.of("PER", "PER", "O", "O", "LOC", "O"), labels);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("on 24 tokens"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingFileIsOneLineAndExitTwo() {
        assertEquals(2, train(dir.resolve("absent.conll"), dir.resolve("m.ser.gz")));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("storyline: no such file: ") && message.lines().count() == 1, message);
    }

    @Test
    void aLineWithoutATagIsOneLineAndExitTwo() throws Exception {
        Path conll = Files.writeString(dir.resolve("bad.conll"), "Marta B-PER\nQuiroga\n");

        assertEquals(2, train(conll, dir.resolve("m.ser.gz")));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("line 'Quiroga' has no tag") && message.lines().count() == 1, message);
    }

    @Test
    void aFileWithoutTokensIsOneLineAndExitTwo() throws Exception {
        Path conll = Files.writeString(dir.resolve("empty.conll"), "\n-DOCSTART- O\n\n");

        assertEquals(2, train(conll, dir.resolve("m.ser.gz")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("holds no tagged tokens"));
    }
}
