package io.storyline.ingest;

import io.storyline.common.runtime.ConfigException;
import io.storyline.common.runtime.KafkaUnavailableException;
import io.storyline.common.runtime.ServiceRuntime;
import io.storyline.common.runtime.StorylineConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the ingest service against a cluster until stopped: what a container runs. Settings come from
 * {@link IngestService#configDefaults()}, an optional properties file, {@code KAFKA_*}/{@code STORYLINE_*}
 * environment variables and the flags, in that order of precedence.
 *
 * <p>Usage: {@code IngestMain [--config FILE] [--bootstrap-server HOST:PORT]}
 */
public final class IngestMain {

    private IngestMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.err));
    }

    /** @return the process exit code: 0 after a requested stop, 1 when the service failed, 2 for a usage error */
    public static int run(String[] args, Map<String, String> environment, PrintStream err) {
        StorylineConfig config;
        try {
            Path file = null;
            Map<String, String> flags = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--config" -> file = Path.of(value(args, ++i, "--config"));
                    case "--bootstrap-server" -> flags.put("bootstrap.servers", value(args, ++i, "--bootstrap-server"));
                    default -> throw new ConfigException("unknown option " + args[i]
                            + "; usage: ingest [--config FILE] [--bootstrap-server HOST:PORT]");
                }
            }
            config = StorylineConfig.resolve(IngestService.configDefaults(), file, environment, flags);
            IngestSettings.from(config);
        } catch (ConfigException e) {
            err.println("ingest: " + e.getMessage());
            return 2;
        }
        try {
            return ServiceRuntime.runUntilStopped(new IngestService(), config);
        } catch (ConfigException | KafkaUnavailableException e) {
            err.println("ingest: " + e.getMessage());
            return e instanceof ConfigException ? 2 : 1;
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new ConfigException(option + " needs a value");
        }
        return args[index];
    }
}
