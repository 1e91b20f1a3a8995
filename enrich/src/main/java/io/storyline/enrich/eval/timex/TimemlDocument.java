package io.storyline.enrich.eval.timex;

import java.time.LocalDate;
import java.util.List;

/**
 * The parts of a TimeML document an evaluation needs: the plain text of its TEXT element, its creation date (DCT)
 * and the TIMEX3 annotations inside TEXT.
 *
 * @param corpus the sub-directory the file came from (TimeBank, AQUAINT), or "" at the top level
 */
record TimemlDocument(String name, String corpus, String text, LocalDate creationDate, List<GoldTimex> timexes) {
}
