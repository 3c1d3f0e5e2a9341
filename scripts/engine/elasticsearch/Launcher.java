/*
 * Starts a single Elasticsearch 9 node from plain Maven Central jars (see pom.xml), without
 * the official bootstrap (which expects a distribution's home layout, refuses to run as
 * root and sets up entitlements through a Java agent).
 *
 * Usage: java -Dengine.modules=<dir> -cp '<server jars>/*:<classes>' Launcher key=value ...
 * Every argument is a node setting (path.home, http.port, ...), as `-E` would give.
 * Each sub-directory of engine.modules is a module as in a distribution's modules/ folder:
 * its jars plus plugin-descriptor.properties (transport-netty4 for HTTP, and our own
 * polar-analysis for the token filters). Started and stopped by scripts/engine.sh.
 */

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.elasticsearch.Build;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginsLoader;

public class Launcher {

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
        LogConfigurator.loadLog4jPlugins(); // before log4j reads log4j2.properties: HeaderWarningAppender
        LogConfigurator.configureESLogging();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
                given, Map.of(), null, () -> given.get("node.name", "polar-kb"));

        long t0 = System.nanoTime();
        Node node;
        try {
            Path modules = Path.of(System.getProperty("engine.modules"));
            PluginsLoader plugins = PluginsLoader.createPluginsLoader(
                    PluginsLoader.loadModulesBundles(modules), Set.of(), Map.of());
            node = new Node(environment, plugins).start();
        } catch (Throwable e) {
            // Exit explicitly: threads the half-started node left behind could keep the JVM alive.
            e.printStackTrace();
            System.exit(1);
            return;
        }
        System.out.printf("Elasticsearch %s started (Java %s, %d ms in-process), http on %s:%s%n",
                Build.current().version(), Runtime.version(), (System.nanoTime() - t0) / 1_000_000,
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
}
