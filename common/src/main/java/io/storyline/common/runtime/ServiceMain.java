package io.storyline.common.runtime;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The main of every service process, what a container runs: resolves settings from an optional properties file,
 * {@code KAFKA_*}/{@code STORYLINE_*} environment variables and flags, then runs the service until SIGTERM.
 *
 * <p>Options: {@code [--config FILE] [--bootstrap-server HOST:PORT] [--set KEY=VALUE]... [--help]}
 */
public final class ServiceMain {

    private ServiceMain() {
    }

    /**
     * @return the process exit code: 0 after a requested stop, 1 when the service or the cluster failed, 2 for a
     *         user's mistake (one line on {@code err}, no stack trace)
     */
    public static int run(StreamsService service, List<String> args, Map<String, String> environment,
                          PrintStream err) {
        String usage = "usage: " + service.name()
                + " [--config FILE] [--bootstrap-server HOST:PORT] [--set KEY=VALUE]...";
        try {
            Path file = null;
            Map<String, String> flags = new LinkedHashMap<>();
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "-h", "--help" -> {
                        err.println(usage);
                        err.println("Settings: defaults < --config file < KAFKA_*/STORYLINE_* environment < flags.");
                        return 0;
                    }
                    case "-c", "--config" -> file = Path.of(value(args, ++i));
                    case "-b", "--bootstrap-server" -> flags.put("bootstrap.servers", value(args, ++i));
                    case "-s", "--set" -> {
                        String setting = value(args, ++i);
                        int equals = setting.indexOf('=');
                        if (equals < 1) {
                            throw new ConfigException("--set needs KEY=VALUE, not '" + setting + "'");
                        }
                        flags.put(setting.substring(0, equals).trim(), setting.substring(equals + 1).trim());
                    }
                    default -> throw new ConfigException("unknown option " + args.get(i) + "; " + usage);
                }
            }
            StorylineConfig config = StorylineConfig.resolve(Map.of(), file, environment, flags);
            if (config.string("bootstrap.servers", null) == null) {
                throw new ConfigException("no Kafka cluster given: use --bootstrap-server HOST:PORT "
                        + "(or KAFKA_BOOTSTRAP_SERVERS, or bootstrap.servers in --config)");
            }
            return ServiceRuntime.runUntilStopped(service, config);
        } catch (ConfigException e) {
            err.println("storyline " + service.name() + ": " + e.getMessage());
            return 2;
        } catch (KafkaUnavailableException e) {
            err.println("storyline " + service.name() + ": " + e.getMessage());
            return 1;
        }
    }

    public static int run(StreamsService service, String[] args, Map<String, String> environment,
                          PrintStream err) {
        return run(service, List.of(args), environment, err);
    }

    private static String value(List<String> args, int index) {
        if (index >= args.size()) {
            throw new ConfigException(args.get(index - 1) + " needs a value");
        }
        return args.get(index);
    }
}
