package io.storyline.launcher;

import io.storyline.common.runtime.StorylineConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every command that talks to a Kafka cluster shares, resolved with the precedence
 * defaults &lt; {@code --config} file &lt; {@code KAFKA_*}/{@code STORYLINE_*} environment &lt; flags.
 */
public final class KafkaOptions {

    @Option(names = {"-b", "--bootstrap-server"}, paramLabel = "HOST:PORT",
            description = "Kafka cluster to connect to (environment KAFKA_BOOTSTRAP_SERVERS)")
    String bootstrapServer;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "properties file with Kafka settings and storyline.* settings")
    Path configFile;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
            description = "one setting, overriding file and environment (repeatable)")
    Map<String, String> settings = new LinkedHashMap<>();

    /** The resolved settings on top of {@code defaults}, with the real process environment. */
    public StorylineConfig resolve(Map<String, String> defaults) {
        return resolve(defaults, System.getenv());
    }

    StorylineConfig resolve(Map<String, String> defaults, Map<String, String> environment) {
        Map<String, String> flags = new LinkedHashMap<>(settings);
        if (bootstrapServer != null) {
            flags.put("bootstrap.servers", bootstrapServer);
        }
        return StorylineConfig.resolve(defaults, configFile, environment, flags);
    }

    /** Like {@link #resolve(Map)}, and insists on a cluster to talk to. */
    public StorylineConfig resolveWithCluster(Map<String, String> defaults) {
        StorylineConfig config = resolve(defaults);
        if (config.string("bootstrap.servers", null) == null) {
            throw new UserError("no Kafka cluster given: use --bootstrap-server HOST:PORT "
                    + "(or KAFKA_BOOTSTRAP_SERVERS, or bootstrap.servers in --config)");
        }
        return config;
    }
}
