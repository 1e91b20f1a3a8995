package io.storyline.board;

import io.storyline.common.runtime.ConfigException;
import io.storyline.common.runtime.HttpEndpoints;
import io.storyline.common.runtime.StorylineConfig;
import java.time.Duration;

/**
 * The board's settings ({@code storyline.board.*}, environment {@code STORYLINE_BOARD_*}), read once at start.
 *
 * @param port            the page's HTTP port ({@code storyline.http.port}, as for the services; default 8090, 0 picks
 *                        a free one)
 * @param window          incidents without activity for this long leave the board, and a restarted board reads
 *                        the incident events of this long back ({@code storyline.board.window}, P7D)
 * @param maxIncidents    the most incidents held; beyond it the least recently active leave first
 *                        ({@code storyline.board.max.incidents}, 5000)
 * @param maxClients      the most browsers following the live feed at once ({@code storyline.board.max.clients},
 *                        200); one more is answered 503 and its browser retries
 * @param corroboration   independent sources that make an incident corroborated: aggregate's own setting
 *                        ({@code storyline.aggregate.corroboration.threshold}, 2), so the board marks what
 *                        aggregate would
 */
public record BoardSettings(int port, Duration window, int maxIncidents, int maxClients, int corroboration) {

    public static final String PREFIX = StorylineConfig.PREFIX + "board.";
    public static final int DEFAULT_PORT = 8090;

    public static BoardSettings from(StorylineConfig config) {
        BoardSettings settings = new BoardSettings(
                config.integer(HttpEndpoints.PORT, DEFAULT_PORT),
                config.duration(PREFIX + "window", Duration.ofDays(7)),
                config.integer(PREFIX + "max.incidents", 5_000),
                config.integer(PREFIX + "max.clients", 200),
                config.integer(StorylineConfig.PREFIX + "aggregate.corroboration.threshold", 2));
        if (settings.port < 0 || settings.port > 65_535) {
            throw new ConfigException(HttpEndpoints.PORT + " must be a port number, not " + settings.port);
        }
        if (settings.window.isNegative() || settings.window.isZero()) {
            throw new ConfigException(PREFIX + "window must be longer than zero, not " + settings.window);
        }
        if (settings.maxIncidents < 1 || settings.maxClients < 1) {
            throw new ConfigException(PREFIX + "max.incidents and " + PREFIX + "max.clients must be at least 1");
        }
        return settings;
    }
}
