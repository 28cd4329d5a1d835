package halles.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.Version;
import org.elasticsearch.cluster.metadata.IndexMetadata;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.IndexVersion;
import org.elasticsearch.index.analysis.IndexAnalyzers;
import org.elasticsearch.indices.analysis.AnalysisModule;
import org.elasticsearch.plugins.scanners.StablePluginsRegistry;
import org.elasticsearch.xcontent.XContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds indices the way Elasticsearch does when it creates one (AnalysisModule with this plugin,
 * then the index's analysis settings), and checks the tokens of French and English text. The
 * expected tokens are those of a standard Elasticsearch with analysis-common.
 */
class LiteAnalysisPluginTest {

    @TempDir
    static Path home;

    @BeforeAll
    static void logging() {
        LogConfigurator.configureESLogging(); // the server sets its logger factory up before anything logs
    }

    @Test
    void frenchAnalyzerDropsArticlesAndStopWordsAndStems() throws IOException {
        try (IndexAnalyzers analyzers = build(Settings.EMPTY)) {
            assertEquals(List.of("citoyen", "hotel", "vile"),
                tokens(analyzers.get("french"), "Les citoyennes de l'Hôtel de Ville"));
            assertEquals(List.of("bibliothequ", "ouvert", "soir"),
                tokens(analyzers.get("french"), "Bibliothèques ouvertes jusqu'au soir"));
        }
    }

    @Test
    void englishAnalyzerDropsPossessivesAndStopWordsAndStems() throws IOException {
        try (IndexAnalyzers analyzers = build(Settings.EMPTY)) {
            assertEquals(List.of("librari", "citizen", "were", "run"),
                tokens(analyzers.get("english"), "The library's citizens were running"));
        }
    }

    @Test
    void languageAnalyzersTakeTheirStopwordsSetting() throws IOException {
        Settings settings = Settings.builder()
            .put("index.analysis.analyzer.french_keep_all.type", "french")
            .putList("index.analysis.analyzer.french_keep_all.stopwords", "_none_")
            .build();
        try (IndexAnalyzers analyzers = build(settings)) {
            assertEquals(List.of("les", "citoyen", "de", "hotel"),
                tokens(analyzers.get("french_keep_all"), "Les citoyennes de l'Hôtel"));
        }
    }

    @Test
    void portalAnalyzerFoldsCaseAccentsAndElisionsWithoutStemming() throws IOException {
        try (IndexAnalyzers analyzers = build(resource("portal-index-settings.json"))) {
            assertEquals(List.of("eleve", "ete", "ils", "citoyennes"),
                tokens(analyzers.get("default"), "L'Élève d'été QU'ils citoyennes"));
        }
    }

    @Test
    void wagtailAutocompleteAndPartialMatchAnalyzers() throws IOException {
        try (IndexAnalyzers analyzers = build(resource("modelsearch-index-settings.json"))) {
            assertEquals(List.of("e", "el", "ele", "elev", "eleve"),
                tokens(analyzers.get("edgengram_analyzer"), "Élève"));
            assertEquals(
                List.of("hal", "hall", "halle", "halles", "all", "alle", "alles", "lle", "lles", "les"),
                tokens(analyzers.get("ngram_analyzer"), "Halles"));
        }
    }

    @Test
    void wideNgramRangesNeedMaxNgramDiff() {
        Settings settings = Settings.builder()
            .put("index.analysis.filter.wide.type", "ngram")
            .put("index.analysis.filter.wide.min_gram", 3)
            .put("index.analysis.filter.wide.max_gram", 15)
            .put("index.analysis.analyzer.partial.tokenizer", "standard")
            .putList("index.analysis.analyzer.partial.filter", "wide")
            .build();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> build(settings));
        assertTrue(error.getMessage().contains("[index.max_ngram_diff]"), error.getMessage());
    }

    @Test
    void stemmerAndSnowballFiltersInFrenchAndEnglish() throws IOException {
        Settings settings = Settings.builder()
            .put(filterChain("snowball_fr", "type", "snowball", "language", "French"))
            .put(filterChain("light_fr", "type", "stemmer", "language", "light_french"))
            .put(filterChain("minimal_fr", "type", "stemmer", "language", "minimal_french"))
            .put(filterChain("porter_en", "type", "stemmer", "language", "english"))
            .put(filterChain("kstem_en", "type", "stemmer", "language", "light_english"))
            .build();
        try (IndexAnalyzers analyzers = build(settings)) {
            assertEquals(List.of("citoyen", "national"), tokens(analyzers.get("snowball_fr"), "citoyennes nationales"));
            assertEquals(List.of("citoyen", "national"), tokens(analyzers.get("light_fr"), "citoyennes nationales"));
            assertEquals(List.of("citoyen", "national"), tokens(analyzers.get("minimal_fr"), "citoyennes nationales"));
            assertEquals(List.of("citizen", "run", "librari"), tokens(analyzers.get("porter_en"), "citizens running libraries"));
            assertEquals(List.of("citizen", "running", "library"), tokens(analyzers.get("kstem_en"), "citizens running libraries"));
        }
    }

    @Test
    void anUnsupportedStemmerLanguageIsRefusedWhenTheIndexIsCreated() {
        Settings settings = filterChain("german", "type", "stemmer", "language", "german");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> build(settings));
        assertTrue(error.getMessage().contains("stemmer language [german]"), error.getMessage());
    }

    @Test
    void tokenizers() throws IOException {
        Settings settings = Settings.builder()
            .put("index.analysis.tokenizer.words_prefixes.type", "edge_ngram")
            .put("index.analysis.tokenizer.words_prefixes.min_gram", 2)
            .put("index.analysis.tokenizer.words_prefixes.max_gram", 4)
            .putList("index.analysis.tokenizer.words_prefixes.token_chars", "letter")
            .put("index.analysis.analyzer.prefixes.tokenizer", "words_prefixes")
            .put("index.analysis.analyzer.lower.tokenizer", "lowercase")
            .put("index.analysis.analyzer.whole.tokenizer", "keyword")
            .build();
        try (IndexAnalyzers analyzers = build(settings)) {
            assertEquals(List.of("Ti", "Tie", "Tier", "li", "lie", "lieu"), tokens(analyzers.get("prefixes"), "Tiers-lieux"));
            assertEquals(List.of("l", "été", "à", "lyon"), tokens(analyzers.get("lower"), "L'ÉTÉ 2026 à Lyon"));
            assertEquals(List.of("Tiers-lieux à Lyon"), tokens(analyzers.get("whole"), "Tiers-lieux à Lyon"));
        }
    }

    @Test
    void builtAgainstTheLuceneOfThisElasticsearch() {
        assertEquals(IndexVersion.current().luceneVersion(), Version.LATEST,
            "lucene.version in pom.xml must be the Lucene that Elasticsearch " + elasticsearchVersion() + " ships");
    }

    private static String elasticsearchVersion() {
        return org.elasticsearch.Build.current().version();
    }

    /** A custom analyzer `name` of the standard tokenizer, lowercase and one filter of these settings. */
    private static Settings filterChain(String name, String... filterSettings) {
        Settings.Builder builder = Settings.builder()
            .put("index.analysis.analyzer." + name + ".tokenizer", "standard")
            .putList("index.analysis.analyzer." + name + ".filter", "lowercase", name);
        for (int i = 0; i < filterSettings.length; i += 2) {
            builder.put("index.analysis.filter." + name + "." + filterSettings[i], filterSettings[i + 1]);
        }
        return builder.build();
    }

    private static Settings resource(String name) throws IOException {
        try (InputStream json = LiteAnalysisPluginTest.class.getResourceAsStream("/" + name)) {
            String source = new String(json.readAllBytes(), StandardCharsets.UTF_8);
            return Settings.builder().loadFromSource(source, XContentType.JSON).normalizePrefix("index.").build();
        }
    }

    private static IndexAnalyzers build(Settings analysis) throws IOException {
        Settings node = Settings.builder().put(Environment.PATH_HOME_SETTING.getKey(), home.toString()).build();
        AnalysisModule module = new AnalysisModule(
            new Environment(node, null), List.of(new LiteAnalysisPlugin()), new StablePluginsRegistry());
        Settings index = Settings.builder()
            .put(analysis)
            .put(IndexMetadata.SETTING_VERSION_CREATED, IndexVersion.current().id())
            .put(IndexMetadata.SETTING_NUMBER_OF_SHARDS, 1)
            .put(IndexMetadata.SETTING_NUMBER_OF_REPLICAS, 0)
            .build();
        IndexSettings indexSettings = new IndexSettings(IndexMetadata.builder("test").settings(index).build(), node);
        return module.getAnalysisRegistry().build(IndexService.IndexCreationContext.CREATE_INDEX, indexSettings);
    }

    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("field", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
    }
}
