package io.storyline.aggregate.clustering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.storyline.aggregate.state.MemoryTable;
import org.junit.jupiter.api.Test;

class NewsClockTest {

    private final NewsClock clock = new NewsClock(new MemoryTable<>());

    @Test
    void followsTheNewsAsItArrivesInOrder() {
        for (int day = 100; day < 130; day++) {
            clock.advance(day);
        }
        // The median of the last fifteen days: seven days behind the newest, a week of lag on a month of news.
        assertEquals(123, clock.advance(130), 1e-9);
    }

    @Test
    void aFewArticlesOutOfOrderDoNotMoveIt() {
        for (int i = 0; i < 20; i++) {
            clock.advance(100);
        }
        for (int i = 0; i < NewsClock.RECENT / 2; i++) {
            assertEquals(100, clock.advance(400), 1e-9);
        }
        assertEquals(400, clock.advance(400), 1e-9, "a majority of the recent articles moves it");
    }

    @Test
    void neverGoesBack() {
        for (int i = 0; i < NewsClock.RECENT; i++) {
            clock.advance(200);
        }
        for (int i = 0; i < NewsClock.RECENT; i++) {
            assertEquals(200, clock.advance(50), 1e-9);
        }
    }

    @Test
    void startsAtTheFirstArticleAndWaitsForASecondOpinion() {
        assertEquals(100, clock.advance(100), 1e-9);
        assertEquals(100, clock.advance(300), 1e-9);
        assertEquals(300, clock.advance(300), 1e-9);
    }
}
