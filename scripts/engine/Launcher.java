/*
 * Starts a single OpenSearch 2.19 node from plain Maven Central jars (see pom.xml),
 * without the official bootstrap: that one refuses to run as root, needs a laid-out
 * home with modules/ and installs a SecurityManager.
 *
 * Usage: java -cp '<jars>/*:<classes>' Launcher key=value ...
 * Every argument is a node setting (path.home, http.port, ...), as `-E` would give.
 * Started and stopped by scripts/engine.sh.
 */

import com.ibm.icu.text.FilteredNormalizer2;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UnicodeSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.opensearch.Version;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractTokenFilterFactory;
import org.opensearch.index.analysis.NormalizingTokenFilterFactory;
import org.opensearch.index.analysis.TokenFilterFactory;
import org.opensearch.index.mapper.MapperExtrasPlugin;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

public class Launcher extends Node {

    static final List<Class<? extends Plugin>> PLUGINS =
            List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, MapperExtrasPlugin.class, IcuPlugin.class);

    Launcher(Environment environment) {
        super(environment, PLUGINS, true);
    }

    public static void main(String[] args) throws Exception {
        Settings.Builder settings = Settings.builder();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got: " + arg);
            }
            settings.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Settings given = settings.build();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
                given, Map.of(), null, () -> given.get("node.name", "polar-kb"));

        long t0 = System.nanoTime();
        Node node;
        try {
            node = new Launcher(environment).start();
        } catch (Throwable e) {
            // Exit explicitly: threads the half-started node left behind could keep the JVM alive.
            e.printStackTrace();
            System.exit(1);
            return;
        }
        System.out.printf("OpenSearch %s started (Java %s, %d ms in-process), http on %s:%s%n",
                Version.CURRENT, Runtime.version(), (System.nanoTime() - t0) / 1_000_000,
                given.get("network.host"), given.get("http.port"));

        // Keep the JVM up until SIGTERM/SIGINT runs the hook (engine.sh stop sends SIGTERM).
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "engine-shutdown"));
        stopped.await();
    }

    /**
     * The analysis-icu plugin is not published to Maven Central, so this registers its two
     * most useful filters on top of Lucene's ICU module (same names and options as upstream):
     *   icu_folding    {"unicode_set_filter": "[^åäöÅÄÖ]"}  (optional: leave these letters alone)
     *   icu_normalizer {"name": "nfkc_cf"|"nfc"|"nfkc", "mode": "compose"|"decompose"}
     */
    public static class IcuPlugin extends Plugin implements AnalysisPlugin {
        @Override
        public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
            return Map.of(
                    "icu_folding", (index, env, name, s) -> filter(index, name, s, ICUFoldingFilter.NORMALIZER),
                    "icu_normalizer", (index, env, name, s) -> filter(index, name, s, Normalizer2.getInstance(
                            null, s.get("name", "nfkc_cf"),
                            "decompose".equals(s.get("mode")) ? Normalizer2.Mode.DECOMPOSE : Normalizer2.Mode.COMPOSE)));
        }

        static TokenFilterFactory filter(IndexSettings index, String name, Settings s, Normalizer2 normalizer) {
            String keep = s.get("unicode_set_filter");
            Normalizer2 n = keep == null ? normalizer
                    : new FilteredNormalizer2(normalizer, new UnicodeSet(keep).freeze());
            return new NormalizingFilter(index, name, s, n);
        }
    }

    static class NormalizingFilter extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
        private final Normalizer2 normalizer;

        NormalizingFilter(IndexSettings index, String name, Settings s, Normalizer2 normalizer) {
            super(index, name, s);
            this.normalizer = normalizer;
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new ICUNormalizer2Filter(in, normalizer);
        }
    }
}
