package io.storyline.enrich.entities;

import edu.stanford.nlp.ie.NERFeatureFactory;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.sequences.FeatureFactory;
import io.storyline.common.files.Folders;
import io.storyline.enrich.language.Language;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Trains a CRF name tagger for one language from gold CoNLL data, the way CoreNLP trains its own: the same features
 * ({@code name-model.properties}) and the word clusters of CoreNLP's model for the language. The clusters were
 * learnt from hundreds of millions of words; they are what lets a model trained on a few hundred thousand tokens
 * tag names it never saw. CoreNLP ships no cluster file, only the clusters inside its serialised model, so they are
 * read from there.
 *
 * <p>Why train at all: CoreNLP's Spanish model learnt AnCora's and the LDC's conventions, its German one CoNLL-2003's;
 * news names ("la Audiencia Nacional", a club named by its city) are tagged as the newswire corpora of the
 * language tag them only by a model trained on them. The trained model is shipped in the language's
 * {@code names-<language>} module; {@link Language#nameModel()} names it.
 */
public final class NameModelTraining {

    private static final String FEATURES = "name-model.properties";

    private NameModelTraining() {
    }

    /**
     * Trains on {@code conll} (one token per line, the word first and its tag last, IOB or IO; blank lines between
     * sentences) and writes the serialised model to {@code output}. Returns the exit code: 2 for unusable input,
     * with one line on {@code err}.
     */
    public static int run(Path conll, Language language, Path output, PrintStream out, PrintStream err) {
        Path work = null;
        try {
            work = Files.createTempDirectory("storyline-names-");
            Path tokens = work.resolve("train.tsv");
            int count = writeTokens(conll, tokens);
            if (count == 0) {
                err.println("storyline: " + conll + " holds no tagged tokens (expected lines 'word ... TAG')");
                return 2;
            }
            out.printf(Locale.ROOT, "training the %s name tagger on %,d tokens of %s%n", language.code(), count, conll);
            CRFClassifier<CoreLabel> clusters = NameModels.load(language.coreNlpNameModel());
            Path lexicon = work.resolve("clusters.txt");
            writeClusters(clusters, lexicon);
            Properties props = features();
            props.setProperty("trainFile", tokens.toString());
            props.setProperty("distSimLexicon", lexicon.toString());
            props.setProperty("casedDistSim", Boolean.toString(clusters.flags.casedDistSim));
            if (clusters.flags.unknownWordDistSimClass != null) {
                props.setProperty("unknownWordDistSimClass", clusters.flags.unknownWordDistSimClass);
            }
            props.setProperty("multiThreadGrad", Integer.toString(Runtime.getRuntime().availableProcessors()));
            CRFClassifier<CoreLabel> model = new CRFClassifier<>(props);
            model.train();
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            model.serializeClassifier(output.toString());
            out.printf(Locale.ROOT, "wrote %s (%,d bytes)%n", output, Files.size(output));
            return 0;
        } catch (NoSuchFileException e) {
            err.println("storyline: no such file: " + e.getFile());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("storyline: " + conll + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Folders.deleteQuietly(work);
        }
    }

    /** Writes {@code word TAB type} per token, the IOB prefix dropped (the CRF learns IO labels, as CoreNLP's). */
    static int writeTokens(Path conll, Path tokens) throws IOException {
        int count = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(tokens, StandardCharsets.UTF_8)) {
            boolean open = false;
            for (String line : Files.readAllLines(conll, StandardCharsets.UTF_8)) {
                String[] columns = line.strip().split("\\s+");
                if (line.isBlank() || columns[0].equals("-DOCSTART-")) {
                    if (open) {
                        writer.newLine();
                        open = false;
                    }
                    continue;
                }
                if (columns.length < 2) {
                    throw new IllegalArgumentException("line '" + line.strip() + "' has no tag");
                }
                writer.write(columns[0] + "\t" + type(columns[columns.length - 1]));
                writer.newLine();
                open = true;
                count++;
            }
        }
        return count;
    }

    private static String type(String tag) {
        return tag.length() > 2 && tag.charAt(1) == '-' ? tag.substring(2) : tag;
    }

    /** CoreNLP's word clusters for the language, as a cluster file ({@code word class} per line). */
    private static void writeClusters(CRFClassifier<CoreLabel> model, Path lexicon) throws IOException {
        Map<String, String> clusters = new TreeMap<>(clustersOf(model));
        try (BufferedWriter writer = Files.newBufferedWriter(lexicon, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> entry : clusters.entrySet()) {
                writer.write(entry.getKey() + "\t" + entry.getValue());
                writer.newLine();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> clustersOf(CRFClassifier<CoreLabel> model) {
        // NERFeatureFactory keeps the clusters in a private field and offers no getter; the field has kept its
        // name since CoreNLP added distributional similarity features.
        try {
            Field featureFactories = model.getClass().getSuperclass().getDeclaredField("featureFactories");
            featureFactories.setAccessible(true);
            for (FeatureFactory<?> factory : (List<FeatureFactory<?>>) featureFactories.get(model)) {
                if (factory instanceof NERFeatureFactory<?>) {
                    Field lexicon = NERFeatureFactory.class.getDeclaredField("lexicon");
                    lexicon.setAccessible(true);
                    Map<String, String> clusters = (Map<String, String>) lexicon.get(factory);
                    if (clusters != null && !clusters.isEmpty()) {
                        return clusters;
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the word clusters of CoreNLP's model", e);
        }
        throw new IllegalStateException("CoreNLP's model carries no word clusters");
    }

    private static Properties features() throws IOException {
        Properties props = new Properties();
        try (InputStream in = NameModelTraining.class.getResourceAsStream(FEATURES)) {
            props.load(in);
        }
        return props;
    }
}
