package io.storyline.launcher.board;

import io.storyline.board.Board;
import io.storyline.common.runtime.HttpEndpoints;
import io.storyline.common.runtime.StorylineConfig;
import io.storyline.launcher.KafkaOptions;
import io.storyline.launcher.UserError;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code storyline board}: the live incident board against a real cluster, until SIGTERM; what a container runs. */
@Command(name = "board", mixinStandardHelpOptions = true,
        description = "Serve the live incident board, a web page fed by news.incidents and news.incident-events "
                + "(it only reads).",
        footer = "Settings: defaults < --config file < KAFKA_*/STORYLINE_* environment < flags. "
                + "STORYLINE_BOARD_WINDOW (P7D), STORYLINE_BOARD_MAX_INCIDENTS (5000), STORYLINE_BOARD_MAX_CLIENTS (200).")
public final class BoardCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--port", paramLabel = "PORT",
            description = "HTTP port of the page (default 8090; environment STORYLINE_HTTP_PORT; 0 picks a free one)")
    Integer port;

    @Override
    public Integer call() {
        StorylineConfig config = kafka.resolveWithCluster(Map.of());
        if (port != null) {
            if (port < 0 || port > 65_535) {
                throw new UserError("--port must be a port number from 0 to 65535, not " + port);
            }
            config = config.with(HttpEndpoints.PORT, Integer.toString(port));
        }
        return Board.runUntilStopped(config);
    }
}
