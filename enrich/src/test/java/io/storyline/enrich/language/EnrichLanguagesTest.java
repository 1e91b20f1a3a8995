package io.storyline.enrich.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.storyline.common.runtime.ConfigException;
import io.storyline.common.runtime.StorylineConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichLanguagesTest {

    @Test
    void readsEachArticleInItsOwnLanguageAndNoOtherLanguageInAnother() {
        EnrichLanguages languages = EnrichLanguages.parse("en,de");
        assertEquals(Language.GERMAN, languages.readAs("de"));
        assertEquals(Language.ENGLISH, languages.readAs("EN"));
        assertNull(languages.readAs("fr"), "a language left out is not read with another's rules");
        assertNull(languages.readAs("it"));
    }

    @Test
    void anArticleOfUnknownLanguageIsReadInTheFirstListedLanguage() {
        assertEquals(Language.GERMAN, EnrichLanguages.parse("de,en").readAs(null));
        assertEquals(Language.ENGLISH, EnrichLanguages.parse("en,de").readAs(" "));
    }

    @Test
    void theSettingDefaultsToEveryLanguage() {
        org.junit.jupiter.api.Assumptions.assumeTrue(EnrichLanguages.available().languages().size() == 4,
                "models left out of this build");
        EnrichLanguages languages = EnrichLanguages.from(StorylineConfig.of(Map.of()));
        assertEquals("en,de,fr,es", languages.toString());
    }

    @Test
    void aLanguageEnrichCannotReadIsAConfigurationError() {
        ConfigException e = assertThrows(ConfigException.class, () -> EnrichLanguages.parse("en,it"));
        assertTrue(e.getMessage().contains("'it' is not a language enrich reads"), e.getMessage());
        assertThrows(ConfigException.class, () -> EnrichLanguages.parse(" , "));
    }
}
