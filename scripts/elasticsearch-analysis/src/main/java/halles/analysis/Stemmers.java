package halles.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;

/**
 * The `stemmer` token filter's languages, English and French only, under the names and with the
 * Lucene classes analysis-common maps them to. Any other language is refused when the index is
 * created, rather than silently not stemmed.
 */
final class Stemmers {

    private Stemmers() {}

    static TokenStream stem(TokenStream input, String language) {
        switch (language) {
            case "porter": case "english": return new PorterStemFilter(input);
            case "porter2": return new SnowballFilter(input, new EnglishStemmer());
            case "light_english": case "lightEnglish": case "kstem": return new KStemFilter(input);
            case "minimal_english": case "minimalEnglish": return new EnglishMinimalStemFilter(input);
            case "possessive_english": case "possessiveEnglish": return new EnglishPossessiveFilter(input);
            case "french": return new SnowballFilter(input, new FrenchStemmer());
            case "light_french": case "lightFrench": return new FrenchLightStemFilter(input);
            case "minimal_french": case "minimalFrench": return new FrenchMinimalStemFilter(input);
            default: throw new IllegalArgumentException("stemmer language [" + language
                + "] is not provided by halles-analysis-lite (english and french variants only)");
        }
    }
}
