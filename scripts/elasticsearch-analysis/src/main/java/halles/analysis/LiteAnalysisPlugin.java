package halles.analysis;

import static halles.analysis.Components.analyzer;
import static halles.analysis.Components.checkNgramDiff;
import static halles.analysis.Components.filter;
import static halles.analysis.Components.normalizingFilter;
import static halles.analysis.Components.tokenizer;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.LetterTokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.miscellaneous.TrimFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Registers, under analysis-common's names and with its defaults, the analyzers, token filters and
 * tokenizers that Wagtail's Elasticsearch backend (modelsearch) and the portal's index settings
 * use. Built on the Lucene classes analysis-common itself uses, so tokens are the same as on a
 * standard Elasticsearch.
 */
public class LiteAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> analyzers = new TreeMap<>();
        analyzers.put("french", (index, env, name, settings) -> analyzer(name, new FrenchAnalyzer(
            Analysis.parseStopWords(env, settings, FrenchAnalyzer.getDefaultStopSet()),
            Analysis.parseStemExclusion(settings, CharArraySet.EMPTY_SET))));
        analyzers.put("english", (index, env, name, settings) -> analyzer(name, new EnglishAnalyzer(
            Analysis.parseStopWords(env, settings, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET),
            Analysis.parseStemExclusion(settings, CharArraySet.EMPTY_SET))));
        return analyzers;
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        Map<String, AnalysisProvider<TokenFilterFactory>> filters = new TreeMap<>();
        filters.put("asciifolding", (index, env, name, settings) -> {
            boolean preserveOriginal = settings.getAsBoolean("preserve_original", false);
            return normalizingFilter(name, input -> new ASCIIFoldingFilter(input, preserveOriginal));
        });
        filters.put("elision", (index, env, name, settings) -> {
            CharArraySet articles = Analysis.parseArticles(env, settings);
            CharArraySet set = articles == null
                ? FrenchAnalyzer.DEFAULT_ARTICLES
                : new CharArraySet(articles, settings.getAsBoolean("articles_case", false));
            return normalizingFilter(name, input -> new ElisionFilter(input, set));
        });
        filters.put("snowball", (index, env, name, settings) -> {
            String language = settings.get("language", settings.get("name", "English"));
            new SnowballFilter(new KeywordTokenizer(), language); // refuse a bad language now
            return filter(name, input -> new SnowballFilter(input, language));
        });
        filters.put("stemmer", (index, env, name, settings) -> {
            String language = settings.get("language", settings.get("name", "porter"));
            Stemmers.stem(new KeywordTokenizer(), language); // refuse a bad language now
            return filter(name, input -> Stemmers.stem(input, language));
        });
        filters.put("keyword_marker", AnalysisPlugin.requiresAnalysisSettings((index, env, name, settings) -> {
            CharArraySet words = Analysis.getWordSet(env, settings, "keywords");
            if (words == null) {
                throw new IllegalArgumentException(
                    "keyword filter requires [keywords] or [keywords_path] to be configured");
            }
            CharArraySet keywords = new CharArraySet(words, settings.getAsBoolean("ignore_case", false));
            return filter(name, input -> new SetKeywordMarkerFilter(input, keywords));
        }));
        filters.put("trim", (index, env, name, settings) -> normalizingFilter(name, TrimFilter::new));
        filters.put("edge_ngram", (index, env, name, settings) -> {
            int min = settings.getAsInt("min_gram", 1);
            int max = settings.getAsInt("max_gram", 2);
            boolean preserveOriginal = settings.getAsBoolean("preserve_original", false);
            return filter(name, input -> new EdgeNGramTokenFilter(input, min, max, preserveOriginal));
        });
        filters.put("ngram", (index, env, name, settings) -> {
            int min = settings.getAsInt("min_gram", 1);
            int max = settings.getAsInt("max_gram", 2);
            boolean preserveOriginal = settings.getAsBoolean("preserve_original", false);
            checkNgramDiff(index, name, min, max);
            return filter(name, input -> new NGramTokenFilter(input, min, max, preserveOriginal));
        });
        return filters;
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        Map<String, AnalysisProvider<TokenizerFactory>> tokenizers = new TreeMap<>();
        tokenizers.put("keyword", (index, env, name, settings) -> {
            int bufferSize = settings.getAsInt("buffer_size", 256);
            return tokenizer(name, () -> new KeywordTokenizer(bufferSize));
        });
        tokenizers.put("whitespace", (index, env, name, settings) -> tokenizer(name, WhitespaceTokenizer::new));
        tokenizers.put("letter", (index, env, name, settings) -> tokenizer(name, LetterTokenizer::new));
        tokenizers.put("lowercase", (index, env, name, settings) -> tokenizer(name, LowerCaseTokenizer::new));
        tokenizers.put("ngram", (index, env, name, settings) -> {
            int min = settings.getAsInt("min_gram", 1);
            int max = settings.getAsInt("max_gram", 2);
            checkNgramDiff(index, name, min, max);
            IntPredicate chars = TokenChars.parse(settings);
            return tokenizer(name, () -> chars == null ? new NGramTokenizer(min, max) : new NGramTokenizer(min, max) {
                @Override protected boolean isTokenChar(int c) { return chars.test(c); }
            });
        });
        tokenizers.put("edge_ngram", (index, env, name, settings) -> {
            int min = settings.getAsInt("min_gram", 1);
            int max = settings.getAsInt("max_gram", 2);
            IntPredicate chars = TokenChars.parse(settings);
            return tokenizer(name, () -> chars == null ? new EdgeNGramTokenizer(min, max) : new EdgeNGramTokenizer(min, max) {
                @Override protected boolean isTokenChar(int c) { return chars.test(c); }
            });
        });
        return tokenizers;
    }
}
