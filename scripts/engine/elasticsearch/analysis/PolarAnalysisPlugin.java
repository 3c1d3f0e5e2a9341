/*
 * The token filters the knowledge index uses, for an Elasticsearch node without the
 * analysis-common module (which is not published to Maven Central). Each filter takes the
 * same name and options as in analysis-common and wraps the same Lucene class, so the index
 * settings in search/mapping.py work unchanged on OpenSearch and Elasticsearch.
 *
 * To add a filter: one filter(name, builder) line in FILTERS (a stemmer language: one
 * language(name, filter) line in STEMMERS), and a case in tests/search/test_analysis.py
 * comparing its tokens with OpenSearch's (filters in search/mapping.py are compared there
 * already). scripts/engine.sh compiles this file into the node's polar-analysis module.
 */

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.CompoundWordTokenFilterBase;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fi.FinnishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.sv.SwedishLightStemFilter;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.tartarus.snowball.ext.DanishStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FinnishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.NorwegianStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;

public class PolarAnalysisPlugin extends Plugin implements AnalysisPlugin {

    /** Builds a filter from its settings: the returned function wraps a token stream. */
    interface FilterBuilder {
        Function<TokenStream, TokenStream> build(IndexSettings index, Environment env, Settings settings);
    }

    static final Map<String, FilterBuilder> FILTERS = Map.ofEntries(
            filter("lowercase", (index, env, s) -> LowerCaseFilter::new),
            filter("asciifolding", (index, env, s) -> {
                boolean keepOriginal = s.getAsBoolean("preserve_original", false);
                return in -> new ASCIIFoldingFilter(in, keepOriginal);
            }),
            // ngram and edge_ngram: Wagtail's admin search (modelsearch) defines them in its index.
            filter("ngram", (index, env, s) -> {
                int min = s.getAsInt("min_gram", 1), max = s.getAsInt("max_gram", 2);
                checkNgramDiff(index, "NGram Token Filter", min, max);
                boolean keepOriginal = s.getAsBoolean("preserve_original", false);
                return in -> new NGramTokenFilter(in, min, max, keepOriginal);
            }),
            filter("edge_ngram", (index, env, s) -> {
                int min = s.getAsInt("min_gram", 1), max = s.getAsInt("max_gram", 2);
                boolean keepOriginal = s.getAsBoolean("preserve_original", false);
                return in -> new EdgeNGramTokenFilter(in, min, max, keepOriginal);
            }),
            filter("elision", (index, env, s) -> {
                CharArraySet articles = Analysis.parseArticles(env, s);
                if (articles == null) {
                    throw new IllegalArgumentException("elision filter requires [articles] or [articles_path] setting");
                }
                return in -> new ElisionFilter(in, articles);
            }),
            filter("stemmer", (index, env, s) -> stemmer(s.get("language", s.get("name", "english")))),
            filter("dictionary_decompounder", (index, env, s) -> {
                CharArraySet words = Analysis.getWordSet(env, s, "word_list");
                if (words == null) {
                    throw new IllegalArgumentException("dictionary_decompounder filter requires [word_list] or [word_list_path] setting");
                }
                int minWord = s.getAsInt("min_word_size", CompoundWordTokenFilterBase.DEFAULT_MIN_WORD_SIZE);
                int minPart = s.getAsInt("min_subword_size", CompoundWordTokenFilterBase.DEFAULT_MIN_SUBWORD_SIZE);
                int maxPart = s.getAsInt("max_subword_size", CompoundWordTokenFilterBase.DEFAULT_MAX_SUBWORD_SIZE);
                boolean longest = s.getAsBoolean("only_longest_match", false);
                return in -> new DictionaryCompoundWordTokenFilter(in, words, minWord, minPart, maxPart, longest);
            }),
            filter("keyword_marker", (index, env, s) -> {
                CharArraySet keywords = Analysis.getWordSet(env, s, "keywords");
                if (keywords == null) {
                    throw new IllegalArgumentException("keyword_marker filter requires [keywords] or [keywords_path] setting");
                }
                return in -> new SetKeywordMarkerFilter(in, keywords);
            }));

    /** Builds a tokenizer from its settings. */
    interface TokenizerBuilder {
        Supplier<Tokenizer> build(IndexSettings index, Environment env, Settings settings);
    }

    /** As upstream: a wide n-gram range makes huge indices, so the index must allow it. */
    static void checkNgramDiff(IndexSettings index, String what, int min, int max) {
        int allowed = index.getMaxNgramDiff();
        if (max - min > allowed) {
            throw new IllegalArgumentException("The difference between max_gram and min_gram in " + what
                    + " must be less than or equal to: [" + allowed + "] but was [" + (max - min)
                    + "]. This limit can be set by changing the [index.max_ngram_diff] index level setting.");
        }
    }

    /** Filters that work on a whole keyword too, so normalizers may use them. */
    static final Set<String> NORMALIZING = Set.of("lowercase", "asciifolding");

    /** Filters that cannot be used by bare name, only as a "type" with their settings. */
    static final Set<String> NEED_SETTINGS = Set.of("elision", "keyword_marker", "dictionary_decompounder");

    /** Tokenizers by name; modelsearch defines these two (analyzers use "standard", from the server). */
    static final Map<String, TokenizerBuilder> TOKENIZERS = Map.of(
            "ngram", (index, env, s) -> {
                int min = s.getAsInt("min_gram", 1), max = s.getAsInt("max_gram", 2);
                checkNgramDiff(index, "NGram Tokenizer", min, max);
                return () -> new NGramTokenizer(min, max);
            },
            "edge_ngram", (index, env, s) -> {
                int min = s.getAsInt("min_gram", 1), max = s.getAsInt("max_gram", 2);
                return () -> new EdgeNGramTokenizer(min, max);
            });

    /** The stemmer filter's languages the index uses (names as in analysis-common). */
    static final Map<String, Function<TokenStream, TokenStream>> STEMMERS = Map.ofEntries(
            language("english", PorterStemFilter::new),
            language("porter2", in -> new SnowballFilter(in, new EnglishStemmer())),
            language("minimal_english", EnglishMinimalStemFilter::new),
            language("possessive_english", EnglishPossessiveFilter::new),
            language("french", in -> new SnowballFilter(in, new FrenchStemmer())),
            language("light_french", FrenchLightStemFilter::new),
            language("german", in -> new SnowballFilter(in, new GermanStemmer())),
            // Lucene 10 folded the german2 variant (ae/oe/ue as umlauts) into GermanStemmer.
            language("german2", in -> new SnowballFilter(in, new GermanStemmer())),
            language("light_german", GermanLightStemFilter::new),
            language("norwegian", in -> new SnowballFilter(in, new NorwegianStemmer())),
            language("swedish", in -> new SnowballFilter(in, new SwedishStemmer())),
            language("light_swedish", SwedishLightStemFilter::new),
            language("finnish", in -> new SnowballFilter(in, new FinnishStemmer())),
            language("light_finnish", FinnishLightStemFilter::new),
            language("danish", in -> new SnowballFilter(in, new DanishStemmer())));

    static Map.Entry<String, FilterBuilder> filter(String name, FilterBuilder builder) {
        return Map.entry(name, builder);
    }

    static Map.Entry<String, Function<TokenStream, TokenStream>> language(
            String name, Function<TokenStream, TokenStream> stemmer) {
        return Map.entry(name, stemmer);
    }

    static Function<TokenStream, TokenStream> stemmer(String language) {
        Function<TokenStream, TokenStream> stemmer = STEMMERS.get(language);
        if (stemmer == null) {
            throw new IllegalArgumentException("stemmer language [" + language + "] is not provided on this node; known: "
                    + STEMMERS.keySet().stream().sorted().toList());
        }
        return stemmer;
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return FILTERS.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> provider(entry)));
    }

    static AnalysisProvider<TokenFilterFactory> provider(Map.Entry<String, FilterBuilder> entry) {
        boolean normalizing = NORMALIZING.contains(entry.getKey());
        AnalysisProvider<TokenFilterFactory> provider = (IndexSettings index, Environment env, String name, Settings s) -> {
            Function<TokenStream, TokenStream> wrap = entry.getValue().build(index, env, s);
            return normalizing ? new NormalizingFilter(name, wrap) : new Filter(name, wrap);
        };
        return NEED_SETTINGS.contains(entry.getKey()) ? AnalysisPlugin.requiresAnalysisSettings(provider) : provider;
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return TOKENIZERS.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry ->
                (IndexSettings index, Environment env, String name, Settings s) -> {
                    Supplier<Tokenizer> tokenizer = entry.getValue().build(index, env, s);
                    return TokenizerFactory.newFactory(name, tokenizer);
                }));
    }

    static class Filter extends AbstractTokenFilterFactory {
        private final Function<TokenStream, TokenStream> wrap;

        Filter(String name, Function<TokenStream, TokenStream> wrap) {
            super(name);
            this.wrap = wrap;
        }

        @Override
        public TokenStream create(TokenStream in) {
            return wrap.apply(in);
        }
    }

    static class NormalizingFilter extends Filter implements NormalizingTokenFilterFactory {
        NormalizingFilter(String name, Function<TokenStream, TokenStream> wrap) {
            super(name, wrap);
        }
    }
}
