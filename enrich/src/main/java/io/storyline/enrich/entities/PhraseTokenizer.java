package io.storyline.enrich.entities;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Cuts a gazetteer phrase into tokens exactly as article text is cut, so phrases and bodies compare word by word. */
final class PhraseTokenizer {

    /** The options {@link NameTagger} tokenises bodies with. */
    static final String OPTIONS = "ptb3Escaping=false,splitHyphenated=false,quotes=ascii,untokenizable=noneKeep";

    private PhraseTokenizer() {
    }

    static List<String> words(String phrase) {
        PTBTokenizer<CoreLabel> tokenizer =
                new PTBTokenizer<>(new StringReader(phrase), new CoreLabelTokenFactory(), OPTIONS);
        List<String> out = new ArrayList<>();
        while (tokenizer.hasNext()) {
            out.add(tokenizer.next().originalText());
        }
        return out;
    }
}
