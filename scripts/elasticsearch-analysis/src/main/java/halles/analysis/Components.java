package halles.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.AnalyzerScope;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;

import java.util.function.Function;
import java.util.function.Supplier;

/** Elasticsearch's factory interfaces, built from a name and a lambda. */
final class Components {

    private Components() {}

    static TokenFilterFactory filter(String name, Function<TokenStream, TokenStream> create) {
        return new TokenFilterFactory() {
            @Override public String name() { return name; }
            @Override public TokenStream create(TokenStream input) { return create.apply(input); }
        };
    }

    /** A filter that may also run in a normalizer (keyword fields), as asciifolding does. */
    static TokenFilterFactory normalizingFilter(String name, Function<TokenStream, TokenStream> create) {
        return new NormalizingTokenFilterFactory() {
            @Override public String name() { return name; }
            @Override public TokenStream create(TokenStream input) { return create.apply(input); }
        };
    }

    static TokenizerFactory tokenizer(String name, Supplier<Tokenizer> create) {
        return new TokenizerFactory() {
            @Override public String name() { return name; }
            @Override public Tokenizer create() { return create.get(); }
        };
    }

    static <A extends Analyzer> AnalyzerProvider<A> analyzer(String name, A analyzer) {
        return new AnalyzerProvider<A>() {
            @Override public String name() { return name; }
            @Override public AnalyzerScope scope() { return AnalyzerScope.INDEX; }
            @Override public A get() { return analyzer; }
        };
    }

    /** The same guard (and message) as analysis-common: wide n-gram ranges blow up an index. */
    static void checkNgramDiff(IndexSettings indexSettings, String name, int min, int max) {
        int allowed = indexSettings.getMaxNgramDiff();
        if (max - min > allowed) {
            throw new IllegalArgumentException(
                "The difference between max_gram and min_gram in NGram Tokenizer/Filter [" + name
                    + "] must be less than or equal to: [" + allowed + "] but was [" + (max - min)
                    + "]. This limit can be set by changing the ["
                    + IndexSettings.MAX_NGRAM_DIFF_SETTING.getKey() + "] index level setting.");
        }
    }
}
